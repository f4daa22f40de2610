package dev.switchboard.spring;

import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.ServedSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the exported documents of the contracts this application serves:
 * {@code /openapi/<service>.yaml} for each, and {@code /openapi.yaml} when there is exactly one
 * (likewise {@code asyncapi}).
 *
 * <p>The packaged OpenAPI document names no server, since the contract does not know where it will run; the
 * served one lists the server it was fetched from (behind a proxy, as the forwarded headers say when
 * {@code server.forward-headers-strategy} is set), so "try it out" in a viewer calls this very service.
 */
public final class SpecificationRoutes {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private SpecificationRoutes() {}

    public static RouterFunction<ServerResponse> of(List<ServedSpecification> specifications) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (ServedSpecification specification : specifications) {
            HandlerFunction<ServerResponse> handler = handler(specification);
            routes.GET("/" + specification.kind() + "/" + ServiceKeys.kebab(specification.service()) + ".yaml", handler);
            if (specifications.stream().filter(other -> other.kind().equals(specification.kind())).count() == 1) {
                routes.GET("/" + specification.kind() + ".yaml", handler);
            }
        }
        if (specifications.isEmpty()) {
            return RouterFunctions.route(request -> false, request -> ServerResponse.notFound().build());
        }
        return routes.build();
    }

    private static HandlerFunction<ServerResponse> handler(ServedSpecification specification) {
        ClassPathResource document = new ClassPathResource(specification.resource());
        if (!specification.kind().equals("openapi")) {
            return request -> ServerResponse.ok().contentType(YAML).body(document);
        }
        String text = read(document);
        return request -> ServerResponse.ok().contentType(YAML).body(withServer(text, serverUrl(request)));
    }

    /** The document with a top-level {@code servers} entry for {@code url}, placed before its paths. */
    public static String withServer(String openApi, String url) {
        String servers = "servers:\n  - url: '" + url.replace("'", "''") + "'\n";
        int paths = openApi.indexOf("\npaths:");
        return paths < 0
                ? openApi + (openApi.endsWith("\n") ? "" : "\n") + servers
                : openApi.substring(0, paths + 1) + servers + openApi.substring(paths + 1);
    }

    /** Scheme, host, port and context path of the request: where this application answers. */
    private static String serverUrl(ServerRequest request) {
        URI uri = request.uri();
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return origin + request.requestPath().contextPath().value();
    }

    private static String read(ClassPathResource document) {
        try (var in = document.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document.getPath(), e);
        }
    }
}
