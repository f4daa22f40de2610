package dev.switchboard.maven;

import dev.switchboard.codegen.build.CompatRun;
import dev.switchboard.codegen.build.Generation;
import dev.switchboard.contract.ContractException;
import dev.switchboard.contract.compat.CompatReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.apache.maven.project.MavenProject;

/**
 * Fails the build when the contract breaks callers of a baseline: a previous contract file, or
 * the contract packaged in a released service jar ({@code groupId:artifactId:version}, resolved
 * like any dependency). Lists every change with its position, the reason and whom it breaks, in
 * the log and in {@code target/switchboard/compat-report.json}. Without a baseline it does nothing.
 */
@Mojo(name = "compat", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CompatMojo extends AbstractMojo {

    /** The service's own contract. */
    @Parameter(property = "switchboard.contract", defaultValue = "${project.basedir}/src/main/switchboard/service.yaml")
    private File contract;

    /** A contract file, or {@code groupId:artifactId:version} of a service jar built with this plugin. */
    @Parameter(property = "switchboard.compat.baseline")
    private String baseline;

    /** Accept breaking changes (an intentional major version): report them without failing. */
    @Parameter(property = "switchboard.compat.allowBreaking", defaultValue = "false")
    private boolean allowBreaking;

    /** Where the machine-readable report goes. */
    @Parameter(property = "switchboard.compat.report", defaultValue = "${project.build.directory}/switchboard/compat-report.json")
    private File report;

    @Parameter(property = "switchboard.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Switchboard: compat skipped (switchboard.skip=true)");
            return;
        }
        if (baseline == null || baseline.isBlank()) {
            getLog().info("Switchboard: no compat baseline (set switchboard.compat.baseline to a contract file or groupId:artifactId:version)");
            return;
        }
        Path baselineFile = resolve(baseline.strip());
        CompatReport result;
        try {
            result = CompatRun.run(contract.toPath(), Generation.sourceName(project.getBasedir().toPath(), contract.toPath()),
                    baseline.strip(), baselineFile, report.toPath());
        } catch (ContractException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<String> lines = CompatRun.lines(baseline.strip(), result);
        if (!result.hasBreaking()) {
            lines.forEach(getLog()::info);
            return;
        }
        if (allowBreaking) {
            lines.forEach(getLog()::warn);
            getLog().warn("Switchboard: breaking changes allowed (switchboard.compat.allowBreaking=true)");
            return;
        }
        lines.forEach(getLog()::error);
        throw new MojoFailureException(String.join(System.lineSeparator(), lines) + System.lineSeparator()
                + "Keep the old shape (reserve removed tags, add instead of change), or, for an intentional major version, "
                + "set -Dswitchboard.compat.allowBreaking=true.");
    }

    private Path resolve(String coordinatesOrFile) throws MojoExecutionException {
        Path base = project.getBasedir().toPath();
        if (ServiceArtifacts.isCoordinates(coordinatesOrFile, base)) {
            return new ServiceArtifacts(repositorySystem, session.getRepositorySession(),
                    project.getRemoteProjectRepositories()).resolve(coordinatesOrFile, "the compat baseline").jar();
        }
        Path file = base.resolve(coordinatesOrFile);
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("compat baseline " + coordinatesOrFile
                    + " is neither a file nor groupId:artifactId:version");
        }
        return file;
    }
}
