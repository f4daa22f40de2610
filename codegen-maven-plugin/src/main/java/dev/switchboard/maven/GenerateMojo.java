package dev.switchboard.maven;

import dev.switchboard.codegen.Role;
import dev.switchboard.codegen.build.GenerateRequest;
import dev.switchboard.codegen.build.Generation;
import dev.switchboard.codegen.build.GenerationResult;
import dev.switchboard.codegen.build.ImportedContract;
import dev.switchboard.codegen.writer.GeneratedFileWriter;
import dev.switchboard.codegen.writer.WriteReport;
import dev.switchboard.contract.ContractException;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Generates a service's Java sources and its .proto, OpenAPI and AsyncAPI documents from its contract,
 * and the client and consumer code of the services it imports.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

    /**
     * The service's own contract.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.contract", defaultValue = "${project.basedir}/src/main/switchboard/service.yaml")
    private File contract;

    /**
     * Roles this service plays for its own contract: {@code server}, {@code client}, {@code publisher},
     * {@code consumer}. All four by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.roles", defaultValue = "server,client,publisher,consumer")
    private List<String> roles;

    /**
     * Other services' contracts this service calls or consumes from: contract files (relative to the project), or
     * {@code groupId:artifactId:version} of a service jar built with this plugin, which carries its contract
     * (resolved like a dependency; a version range takes the highest version in it).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> imports = List.of();

    /**
     * Roles this service plays for the imported contracts; {@code client} and {@code consumer} by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.importRoles", defaultValue = "client,consumer")
    private List<String> importRoles;

    /**
     * Transports to generate for: {@code rest}, {@code grpc}. By default the ones whose module is on the
     * project's class path ({@code dev.switchboard:switchboard-rest}, {@code dev.switchboard:switchboard-grpc},
     * which the {@code switchboard-spring-boot-starter-rest} and {@code -grpc} starters bring), so a service
     * depends only on what it uses. A contract is served and called over REST only when some of its
     * operations have an {@code http} binding; {@code <Service>Client} declares the operations every
     * selected client transport carries, {@code <Service>GrpcClient} the rest. Selecting a transport whose
     * module is missing fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.transports")
    private List<String> transports;

    /**
     * Where generated Java sources go; added as a compile source root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/switchboard")
    private File outputDirectory;

    /**
     * Where exported specs go (under {@code META-INF/switchboard/<service>/}); added as a resource root so they
     * ship in the service jar.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.resourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-resources/switchboard")
    private File resourceOutputDirectory;

    /**
     * Skips generation entirely.
     *
     * @since 0.1.0
     */
    @Parameter(property = "switchboard.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Switchboard: generation skipped (switchboard.skip=true)");
            return;
        }
        TransportSelection selection = TransportSelection.of(transports, classPath());
        if (!selection.problems().isEmpty()) {
            throw new MojoFailureException(String.join("\n", selection.problems()));
        }
        GenerateRequest request = new GenerateRequest(
                project.getBasedir().toPath(),
                contract.toPath(),
                parseRoles("roles", roles),
                importedContracts(),
                parseRoles("importRoles", importRoles),
                selection.transports(),
                outputDirectory.toPath(),
                resourceOutputDirectory.toPath(),
                Path.of(project.getBuild().getDirectory(), "switchboard"),
                generatorVersion());
        try {
            report(Generation.run(request), selection);
        } catch (ContractException e) {
            // Its message lists every problem, one a line: Maven prints it once, as the build failure.
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Switchboard generation failed: " + e.getMessage(), e);
        }
        addRoots();
    }

    private List<ImportedContract> importedContracts() throws MojoExecutionException {
        ServiceArtifacts artifacts = new ServiceArtifacts(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories());
        Path base = project.getBasedir().toPath();
        List<ImportedContract> contracts = new ArrayList<>();
        for (String value : imports) {
            String spec = value.strip();
            if (ServiceArtifacts.isCoordinates(spec, base)) {
                ServiceArtifacts.Resolved resolved = artifacts.resolve(spec, "<imports>");
                getLog().debug("Switchboard: import " + spec + " resolved to " + resolved.jar());
                if (!resolved.coordinates().equals(spec)) {
                    getLog().info("Switchboard: import " + spec + " resolved to " + resolved.coordinates());
                }
                contracts.add(ImportedContract.artifact(resolved.coordinates(), resolved.jar()));
            } else {
                contracts.add(ImportedContract.file(base.resolve(spec)));
            }
        }
        return contracts;
    }

    /**
     * The plugin version; for a SNAPSHOT also when its jars were built, so a rebuilt generator
     * regenerates even though its version did not change.
     */
    private String generatorVersion() {
        if (!plugin.getVersion().endsWith("-SNAPSHOT")) {
            return plugin.getVersion();
        }
        StringBuilder version = new StringBuilder(plugin.getVersion());
        Stream.concat(Stream.of(plugin.getPluginArtifact()), plugin.getArtifacts().stream())
                .filter(artifact -> "dev.switchboard".equals(artifact.getGroupId()) && artifact.getFile() != null)
                .forEach(artifact -> version.append(' ').append(artifact.getArtifactId()).append('@')
                        .append(artifact.getFile().lastModified()).append('/').append(artifact.getFile().length()));
        return version.toString();
    }

    /** {@code groupId:artifactId} of every artifact on the compile class path, transitive ones included. */
    private Set<String> classPath() {
        return project.getArtifacts().stream()
                .map(artifact -> artifact.getGroupId() + ":" + artifact.getArtifactId())
                .collect(Collectors.toSet());
    }

    private void report(GenerationResult result, TransportSelection selection) {
        String contractName = Generation.sourceName(project.getBasedir().toPath(), contract.toPath());
        if (result.outcome() == GenerationResult.Outcome.SKIPPED_UNCHANGED) {
            getLog().info("Switchboard: " + contractName + " and configuration unchanged, generation skipped");
            return;
        }
        WriteReport report = result.report();
        getLog().info(String.format(Locale.ROOT,
                "Switchboard: generated from %s for transports %s (%s): %d files (%d written, %d unchanged, %d stale removed)",
                contractName, selection.describe(), selection.detected() ? "from the class path" : "configured",
                report.total(), report.written().size(), report.unchanged().size(), report.deleted().size()));
    }

    private void addRoots() {
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        String resources = resourceOutputDirectory.getAbsolutePath();
        boolean present = project.getResources().stream().anyMatch(r -> resources.equals(r.getDirectory()));
        if (!present) {
            Resource resource = new Resource();
            resource.setDirectory(resources);
            resource.addExclude(GeneratedFileWriter.MANIFEST);
            project.addResource(resource);
        }
    }

    private static Set<Role> parseRoles(String parameter, List<String> values) throws MojoExecutionException {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String value : values) {
            String name = value.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                parsed.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Unknown role '" + value + "' in <" + parameter
                        + ">: use server, client, publisher or consumer");
            }
        }
        return parsed;
    }
}
