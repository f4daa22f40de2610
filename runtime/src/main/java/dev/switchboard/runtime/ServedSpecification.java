package dev.switchboard.runtime;

/**
 * A specification document the running service serves, e.g. its OpenAPI document at
 * {@code /openapi.yaml}; generated configurations declare one per served contract.
 *
 * @param service  the contract's service name
 * @param kind     {@code openapi} or {@code asyncapi}
 * @param resource the classpath resource holding it
 */
public record ServedSpecification(String service, String kind, String resource) {}
