/**
 * One generation or compatibility check as a build tool runs it, free of any build tool's API: the Maven plugin and
 * the command line are thin shells around {@link dev.switchboard.codegen.build.Generation} and
 * {@link dev.switchboard.codegen.build.CompatRun}.
 */
package dev.switchboard.codegen.build;
