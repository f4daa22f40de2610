package dev.switchboard.codegen;

/** What a build does with a contract; decides which outputs are generated. */
public enum Role {
    /** Implements the service: service interface, transport bindings, exported specs. */
    SERVER,
    /** Calls the service: client interface and clients. */
    CLIENT,
    /** Publishes the contract's events and sends its commands. */
    PUBLISHER,
    /** Handles the contract's events and commands. */
    CONSUMER
}
