package dev.switchboard.it.grpc.client;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A caller: with {@code client.transport=grpc} and {@code client.address} set, the generated gRPC client is its {@code OrdersClient}. */
@SpringBootApplication
public class OrdersClientApplication {}
