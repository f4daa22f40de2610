/**
 * Security as one model across transports: an operation's {@link dev.switchboard.runtime.security.Access}
 * from the contract, and the {@link dev.switchboard.runtime.security.Caller} a transport's
 * authentication established. Deciding (authenticated? every scope held?) happens once, in the
 * shared server pipeline; authenticating is the framework's (Spring Security, Spring gRPC).
 */
package dev.switchboard.runtime.security;
