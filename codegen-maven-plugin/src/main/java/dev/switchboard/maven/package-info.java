/**
 * The Switchboard Maven plugin: thin Mojos that turn parameters into a {@link dev.switchboard.maven.GenerateRequest}
 * and hand it to {@link dev.switchboard.maven.Generation}, which knows no Maven API.
 */
package dev.switchboard.maven;
