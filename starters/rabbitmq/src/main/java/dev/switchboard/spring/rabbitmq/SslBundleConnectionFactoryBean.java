package dev.switchboard.spring.rabbitmq;

import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.boot.ssl.SslBundle;

/**
 * A {@link RabbitConnectionFactoryBean} that takes its TLS from {@code spring.rabbitmq.ssl.bundle}.
 * Spring Boot's public {@code RabbitConnectionFactoryBeanConfigurer} applies every other
 * {@code spring.rabbitmq.*} setting to any factory bean but hands the SSL bundle only to Boot's own,
 * package-private, subclass (spring-boot-amqp 4.0: {@code applySslBundle} checks for
 * {@code SslBundleRabbitConnectionFactoryBean}); on a plain factory bean the bundle would be dropped
 * and TLS would fall back to the JVM's default trust. This one gets the bundle from Boot's
 * {@code RabbitConnectionDetails}, which resolves it from Boot's {@code SslBundles}, and uses it as
 * Boot's does.
 */
final class SslBundleConnectionFactoryBean extends RabbitConnectionFactoryBean {

    private final SslBundle bundle;
    private boolean verifyHostname = true;

    /** @param bundle the bundle of {@code spring.rabbitmq.ssl.bundle}, or {@code null} for Boot's other SSL settings */
    SslBundleConnectionFactoryBean(SslBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    protected void setUpSSL() {
        if (bundle == null) {
            super.setUpSSL();
            return;
        }
        connectionFactory.useSslProtocol(bundle.createSslContext());
        if (verifyHostname) {
            connectionFactory.enableHostnameVerification();
        }
    }

    /** {@code spring.rabbitmq.ssl.verify-hostname}, which the bundle's TLS honours too. */
    @Override
    public void setEnableHostnameVerification(boolean enable) {
        this.verifyHostname = enable;
        super.setEnableHostnameVerification(enable);
    }
}
