package dev.switchboard.benchmarks.rest;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The calling side: only auto-configuration, so its one bean of note is the generated {@code CatalogClient}. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CallerApplication {}
