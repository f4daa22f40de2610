package dev.switchboard.it.queues.publisher;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The orders service as a publisher: the generated {@code OrdersEvents} and {@code OrdersCommands} are its beans. */
@SpringBootApplication
public class PublisherApplication {}
