package dev.switchboard.spring;

import dev.switchboard.runtime.ServiceKeys;
import dev.switchboard.runtime.ServedSpecification;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the exported documents of the contracts this application serves:
 * {@code /openapi/<service>.yaml} for each, and {@code /openapi.yaml} when there is exactly one
 * (likewise {@code asyncapi}).
 */
public final class SpecificationRoutes {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private SpecificationRoutes() {}

    public static RouterFunction<ServerResponse> of(List<ServedSpecification> specifications) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (ServedSpecification specification : specifications) {
            ClassPathResource document = new ClassPathResource(specification.resource());
            routes.GET("/" + specification.kind() + "/" + ServiceKeys.kebab(specification.service()) + ".yaml",
                    request -> ServerResponse.ok().contentType(YAML).body(document));
            if (specifications.stream().filter(other -> other.kind().equals(specification.kind())).count() == 1) {
                routes.GET("/" + specification.kind() + ".yaml",
                        request -> ServerResponse.ok().contentType(YAML).body(document));
            }
        }
        if (specifications.isEmpty()) {
            return RouterFunctions.route(request -> false, request -> ServerResponse.notFound().build());
        }
        return routes.build();
    }
}
