package dev.switchboard.it.rest.client;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A caller: with {@code switchboard.services.orders.client.base-url} set, the generated REST client is its {@code OrdersClient}. */
@SpringBootApplication
public class OrdersClientApplication {}
