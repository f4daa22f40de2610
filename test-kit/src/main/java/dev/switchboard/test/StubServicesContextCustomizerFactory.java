package dev.switchboard.test;

import dev.switchboard.runtime.ServiceKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Starts the stubs {@link StubServices} names before the test's application context, and points the clients at them. */
public final class StubServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        StubServices stubs = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(StubServices.class).synthesize(annotation -> annotation.isPresent()).orElse(null);
        return stubs == null ? null : new Customizer(new TreeSet<>(List.of(stubs.value())),
                new TreeSet<>(List.of(stubs.contracts())), stubs.transport());
    }

    /** Equal for the same stubs, so Spring's test context cache reuses the context and its stubs. */
    private record Customizer(Set<String> services, Set<String> contracts, String transport) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            List<ContractStub> stubs = new ArrayList<>();
            services.forEach(service -> stubs.add(ContractStub.forService(service)));
            contracts.forEach(file -> stubs.add(ContractStub.forContract(Path.of(file))));
            Map<String, Object> properties = new LinkedHashMap<>();
            for (ContractStub stub : stubs) {
                String service = stub.service();
                String configured = context.getEnvironment().getProperty(
                        "switchboard.services." + ServiceKeys.kebab(service) + ".client.transport");
                properties.putAll(!transport.isEmpty() ? stub.clientProperties(transport)
                        : configured != null ? stub.clientProperties(configured) : stub.clientProperties());
                String name = Character.toLowerCase(service.charAt(0)) + service.substring(1) + "Stub";
                context.getBeanFactory().registerSingleton(name, stub);
                context.addApplicationListener(event -> {
                    if (event instanceof ContextClosedEvent) {
                        stub.close();
                    }
                });
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("switchboardStubs", properties));
        }
    }
}
