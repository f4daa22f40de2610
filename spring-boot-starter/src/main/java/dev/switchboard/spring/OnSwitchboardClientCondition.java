package dev.switchboard.spring;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Evaluates {@link ConditionalOnSwitchboardClient} against {@code switchboard.services.<service>.client.*}. */
class OnSwitchboardClientCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSwitchboardClient.class.getName());
        String service = (String) attributes.get("service");
        String transport = (String) attributes.get("transport");
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnSwitchboardClient.class,
                service + " over " + transport);
        Environment environment = context.getEnvironment();
        String prefix = prefix(environment, service);
        String configured = environment.getProperty(prefix + ".client.transport", "rest");
        if (!configured.equalsIgnoreCase(transport)) {
            return ConditionOutcome.noMatch(message.because(prefix + ".client.transport is " + configured));
        }
        String address = "rest".equals(transport) ? "base-url" : "address";
        if (!environment.containsProperty(prefix + ".client." + address)) {
            return ConditionOutcome.noMatch(message.didNotFind("property").items(prefix + ".client." + address));
        }
        return ConditionOutcome.match(message.found("property").items(prefix + ".client." + address));
    }

    /** {@code switchboard.services.orders}, or the exact-name key when only that one is used. */
    private static String prefix(Environment environment, String service) {
        String kebab = "switchboard.services." + ServiceKeys.kebab(service);
        String exact = "switchboard.services." + service;
        boolean exactOnly = !environment.containsProperty(kebab + ".client.base-url")
                && !environment.containsProperty(kebab + ".client.address")
                && !environment.containsProperty(kebab + ".client.transport")
                && (environment.containsProperty(exact + ".client.base-url")
                        || environment.containsProperty(exact + ".client.address")
                        || environment.containsProperty(exact + ".client.transport"));
        return exactOnly ? exact : kebab;
    }
}
