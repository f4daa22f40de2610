package dev.switchboard.spring.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeTypeUtils;

/**
 * {@code /actuator/switchboard}: the service page. JSON for tools, HTML for browsers; {@code /openapi/<Service>} an
 * interactive OpenAPI view (Swagger UI, from its webjar), {@code /asyncapi/<Service>} the AsyncAPI document as a
 * page. Exposed, secured and switched off like every actuator endpoint ({@code management.endpoints.web.exposure.*},
 * {@code management.endpoint.switchboard.access}).
 */
@Endpoint(id = "switchboard")
public class SwitchboardEndpoint {

    static final String SWAGGER_UI = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final ServicePage page;
    private final Supplier<String> application;

    public SwitchboardEndpoint(ServicePage page, Supplier<String> application) {
        this.page = page;
        this.application = application;
    }

    @ReadOperation
    public WebEndpointResponse<Object> page(PageFormat format) {
        var model = page.model(application.get());
        return format == PageFormat.HTML
                ? new WebEndpointResponse<>(ServicePageHtml.render(model), format)
                : new WebEndpointResponse<>(model, format);
    }

    @ReadOperation(produces = MimeTypeUtils.TEXT_HTML_VALUE)
    public WebEndpointResponse<String> view(@Selector String view, @Selector String service) {
        String kebab = service.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return switch (view) {
            case "openapi" -> new WebEndpointResponse<>(swaggerUi(service, "/openapi/" + kebab + ".yaml"),
                    MimeTypeUtils.TEXT_HTML);
            case "asyncapi" -> AsyncApiPage.render(service, "META-INF/switchboard/" + service.toLowerCase(Locale.ROOT)
                    + "/asyncapi.yaml", "/asyncapi/" + kebab + ".yaml");
            default -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        };
    }

    /** Swagger UI from its webjar, served by Boot under {@code /webjars}, pointed at the served document. */
    private static String swaggerUi(String service, String document) {
        String version = swaggerUiVersion();
        String title = ServicePageHtml.escape(service) + " · OpenAPI";
        if (version == null) {
            return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                    + "<p>The interactive view needs Swagger UI's webjar (<code>org.webjars:swagger-ui</code>) on the class"
                    + " path; the REST starter brings it. The document: <a href=\"" + document + "\">" + document
                    + "</a></p></body></html>\n";
        }
        String webjar = "/webjars/swagger-ui/" + version + "/";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + webjar + "swagger-ui.css\"></head><body>"
                + "<div id=\"swagger-ui\"></div><script src=\"" + webjar + "swagger-ui-bundle.js\"></script>"
                + "<script>window.ui = SwaggerUIBundle({url: '" + document + "', dom_id: '#swagger-ui'});</script>"
                + "</body></html>\n";
    }

    static String swaggerUiVersion() {
        try (InputStream in = SwitchboardEndpoint.class.getClassLoader().getResourceAsStream(SWAGGER_UI)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
