package dev.switchboard.it.testkit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A caller of the inventory service: nothing of its own but the generated client the REST starter wires. */
@SpringBootApplication
public class ShopApplication {}
