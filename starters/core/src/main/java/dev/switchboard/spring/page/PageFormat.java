package dev.switchboard.spring.page;

import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** The service page for tools (JSON, the default) and for browsers (HTML), chosen by the request's Accept header. */
public enum PageFormat implements Producible<PageFormat> {

    JSON(MimeTypeUtils.APPLICATION_JSON),
    HTML(MimeTypeUtils.TEXT_HTML);

    private final MimeType type;

    PageFormat(MimeType type) {
        this.type = type;
    }

    @Override
    public MimeType getProducedMimeType() {
        return type;
    }

    @Override
    public boolean isDefault() {
        return this == JSON;
    }
}
