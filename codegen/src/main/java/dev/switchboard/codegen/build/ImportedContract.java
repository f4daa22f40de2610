package dev.switchboard.codegen.build;

import java.nio.file.Path;

/**
 * Another service's contract this build imports: a contract file, or the service's jar, which carries its
 * contract where the plugin packaged it.
 *
 * @param file        a contract file, or a service jar
 * @param coordinates {@code groupId:artifactId:version} the jar was resolved from, as positions in its contract
 *                    and generated headers name it; {@code null} for a file
 */
public record ImportedContract(Path file, String coordinates) {

    public static ImportedContract file(Path file) {
        return new ImportedContract(file, null);
    }

    public static ImportedContract artifact(String coordinates, Path jar) {
        return new ImportedContract(jar, coordinates);
    }

    public boolean isArtifact() {
        return coordinates != null;
    }
}
