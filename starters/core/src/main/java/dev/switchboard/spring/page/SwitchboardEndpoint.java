package dev.switchboard.spring.page;

import dev.switchboard.runtime.ServedSpecification;
import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.spring.SpecificationRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * {@code /actuator/switchboard}: the service page. JSON for tools, HTML for browsers; {@code openapi/<Service>} an
 * interactive OpenAPI view (Swagger UI, from its webjar), {@code asyncapi/<Service>} the AsyncAPI document as a
 * page, {@code openapi/<service>.yaml} and {@code asyncapi/<service>.yaml} the documents. The page serves the
 * documents and Swagger UI's files itself and links to them relatively, so it works wherever the actuator runs:
 * under a context path, a management base path, or on a management port of its own. Exposed, secured and switched
 * off like every actuator endpoint ({@code management.endpoints.web.exposure.*},
 * {@code management.endpoint.switchboard.access}).
 */
@Endpoint(id = "switchboard")
public class SwitchboardEndpoint {

    static final String SWAGGER_UI = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final MimeType YAML = MimeType.valueOf("application/yaml");
    private static final Map<String, MimeType> SWAGGER_UI_FILES = Map.of(
            "swagger-ui.css", MimeType.valueOf("text/css"),
            "swagger-ui-bundle.js", MimeType.valueOf("text/javascript"));

    /** Swagger UI's files (the bundle is over a megabyte), read from the webjar once rather than per view. */
    private static final Map<String, Optional<String>> SWAGGER_UI_TEXT = new ConcurrentHashMap<>();

    private final ServicePage page;
    private final Supplier<String> application;
    private final Supplier<String> applicationPath;

    /**
     * @param applicationPath where the application's own routes are, relative to the page's server (its context
     *                        path, {@code ""} at the root), or null when the actuator runs on a port of its own
     */
    public SwitchboardEndpoint(ServicePage page, Supplier<String> application, Supplier<String> applicationPath) {
        this.page = page;
        this.application = application;
        this.applicationPath = applicationPath;
    }

    @ReadOperation
    public WebEndpointResponse<Object> page(PageFormat format) {
        var model = page.model(application.get());
        return format == PageFormat.HTML
                ? new WebEndpointResponse<>(ServicePageHtml.render(model), format)
                : new WebEndpointResponse<>(model, format);
    }

    @ReadOperation(produces = {MimeTypeUtils.TEXT_HTML_VALUE, "application/yaml", "text/css", "text/javascript"})
    public WebEndpointResponse<String> view(@Selector String view, @Selector String name) {
        if (view.equals("swagger-ui")) {
            return swaggerUiFile(name);
        }
        if (name.endsWith(".yaml")) {
            return document(view, name.substring(0, name.length() - ".yaml".length()));
        }
        String kebab = ServiceKeys.kebab(name);
        return switch (view) {
            case "openapi" -> new WebEndpointResponse<>(swaggerUi(name, kebab + ".yaml"), MimeTypeUtils.TEXT_HTML);
            case "asyncapi" -> AsyncApiPage.render(name, "META-INF/switchboard/" + name.toLowerCase(Locale.ROOT)
                    + "/asyncapi.yaml", kebab + ".yaml");
            default -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        };
    }

    /**
     * A served document. The OpenAPI one lists the application as its server, relative to this page's origin, so
     * "try it out" calls the service; with the actuator on a port of its own no relative URL reaches the
     * application, and the document names no server.
     */
    private WebEndpointResponse<String> document(String kind, String kebab) {
        ServedSpecification document = page.document(kind, kebab).orElse(null);
        String text = document == null ? null : read(document.resource());
        if (text == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        String path = applicationPath.get();
        if (kind.equals("openapi") && path != null) {
            text = SpecificationRoutes.withServer(text, path.isEmpty() ? "/" : path);
        }
        return new WebEndpointResponse<>(text, YAML);
    }

    /** Swagger UI's two files from its webjar, so the view needs no static resource handler on the page's server. */
    private static WebEndpointResponse<String> swaggerUiFile(String file) {
        String version = swaggerUiVersion();
        MimeType type = SWAGGER_UI_FILES.get(file);
        String text = version == null || type == null ? null : SWAGGER_UI_TEXT.computeIfAbsent(file, name ->
                Optional.ofNullable(read("META-INF/resources/webjars/swagger-ui/" + version + "/" + name))).orElse(null);
        return text == null
                ? new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND)
                : new WebEndpointResponse<>(text, type);
    }

    /** Swagger UI from its webjar, pointed at the served document; both relative to this view. */
    private static String swaggerUi(String service, String document) {
        String version = swaggerUiVersion();
        String title = ServicePageHtml.escape(service) + " · OpenAPI";
        if (version == null) {
            return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                    + "<p>The interactive view needs Swagger UI's webjar (<code>org.webjars:swagger-ui</code>) on the class"
                    + " path; the REST starter brings it. The document: <a href=\"" + document + "\">" + document
                    + "</a></p></body></html>\n";
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"../swagger-ui/swagger-ui.css\"></head><body>"
                + "<div id=\"swagger-ui\"></div><script src=\"../swagger-ui/swagger-ui-bundle.js\"></script>"
                + "<script>window.ui = SwaggerUIBundle({url: '" + document + "', dom_id: '#swagger-ui'});</script>"
                + "</body></html>\n";
    }

    private static String read(String resource) {
        try (InputStream in = SwitchboardEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
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
