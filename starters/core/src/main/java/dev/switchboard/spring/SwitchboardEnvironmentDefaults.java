package dev.switchboard.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes a fresh service observable with no configuration: health, info, Prometheus and the service page exposed,
 * and every trace sampled. The defaults go last, so any value the application sets wins.
 */
public class SwitchboardEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "switchboardDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus,switchboard",
            "management.tracing.sampling.probability", "1.0");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
