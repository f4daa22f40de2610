package dev.switchboard.spring;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Makes a fresh service observable with no configuration: health, info, Prometheus and the service page exposed,
 * and every trace sampled. The defaults go last, so any value the application sets wins, including its own
 * default properties ({@code SpringApplication#setDefaultProperties}): Boot moves those behind every other source
 * once the environment is prepared, so a key they hold is left out here rather than shadowed.
 */
public class SwitchboardEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "switchboardDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus,switchboard",
            "management.tracing.sampling.probability", "1.0");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> applicationDefaults = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        Map<String, Object> defaults = new HashMap<>(DEFAULTS);
        if (applicationDefaults != null) {
            defaults.keySet().removeIf(applicationDefaults::containsProperty);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
