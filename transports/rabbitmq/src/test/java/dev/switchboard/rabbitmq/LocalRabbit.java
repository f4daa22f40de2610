package dev.switchboard.rabbitmq;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** The local RabbitMQ (127.0.0.1:5672, guest), with the correlated confirms the transport needs. */
final class LocalRabbit {

    private LocalRabbit() {}

    static CachingConnectionFactory connections() {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        connections.setUsername("guest");
        connections.setPassword("guest");
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        return connections;
    }
}
