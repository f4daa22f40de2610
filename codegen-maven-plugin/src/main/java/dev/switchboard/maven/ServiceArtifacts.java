package dev.switchboard.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;

/**
 * Service jars named by {@code groupId:artifactId:version}, resolved like any dependency of the project: from the
 * local repository, else the project's remote repositories, offline when Maven is. A version range resolves to
 * the highest version in it.
 */
final class ServiceArtifacts {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    ServiceArtifacts(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /**
     * Whether a value names an artifact rather than a file: three parts separated by colons, none with a path
     * separator (so {@code C:\contracts\x.yaml} stays a file), and no such file in the project.
     */
    static boolean isCoordinates(String value, Path baseDirectory) {
        String[] parts = value.split(":", -1);
        if (parts.length != 3 || java.nio.file.Files.exists(baseDirectory.resolve(value))) {
            return false;
        }
        for (String part : parts) {
            if (part.isBlank() || part.contains("/") || part.contains("\\")) {
                return false;
            }
        }
        return true;
    }

    /** The resolved jar, with the version it resolved to (a range's highest). */
    Resolved resolve(String coordinates, String purpose) throws MojoExecutionException {
        String[] parts = coordinates.split(":");
        Artifact artifact = new DefaultArtifact(parts[0], parts[1], "jar", parts[2]);
        try {
            if (isRange(parts[2])) {
                VersionRangeResult range = system.resolveVersionRange(session,
                        new VersionRangeRequest(artifact, repositories, null));
                if (range.getHighestVersion() == null) {
                    throw new MojoExecutionException("no version of " + parts[0] + ":" + parts[1] + " in " + parts[2]
                            + " for " + purpose + " in the local or the project's remote repositories");
                }
                artifact = artifact.setVersion(range.getHighestVersion().toString());
            }
            Artifact resolved = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact();
            return new Resolved(resolved.getGroupId() + ":" + resolved.getArtifactId() + ":" + resolved.getVersion(),
                    resolved.getFile().toPath());
        } catch (ArtifactResolutionException | VersionRangeResolutionException e) {
            throw new MojoExecutionException("could not resolve " + coordinates + " for " + purpose + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRange(String version) {
        return version.startsWith("[") || version.startsWith("(");
    }

    /** A resolved service jar and the exact coordinates it resolved to. */
    record Resolved(String coordinates, Path jar) {}
}
