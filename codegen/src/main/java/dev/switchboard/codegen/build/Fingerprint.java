package dev.switchboard.codegen.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A digest of every input of a generation: contract bytes (imported jars whole), roles, transports, output
 * locations, plugin version.
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(GenerateRequest request) {
        MessageDigest digest = sha256();
        update(digest, "generator", request.generatorVersion());
        update(digest, "sources", request.sourceDirectory().toAbsolutePath().normalize().toString());
        update(digest, "resources", request.resourceDirectory().toAbsolutePath().normalize().toString());
        update(digest, "contract", request.contract().toAbsolutePath().normalize().toString());
        digest.update(read(request.contract()));
        update(digest, "roles", new TreeSet<>(request.roles().stream().map(Enum::name).toList()).toString());
        for (ImportedContract imported : request.imports()) {
            // A jar's bytes, not just its contract: a re-installed SNAPSHOT regenerates, an unchanged one skips.
            update(digest, "import", String.valueOf(imported.coordinates()));
            update(digest, "file", imported.file().toAbsolutePath().normalize().toString());
            digest.update(read(imported.file()));
        }
        update(digest, "importRoles", new TreeSet<>(request.importRoles().stream().map(Enum::name).toList()).toString());
        update(digest, "transports", new TreeSet<>(request.transports().stream().map(Enum::name).toList()).toString());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads a contract's bytes; a missing file yields a marker so the loader reports it properly. */
    private static byte[] read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : "<missing>".getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void update(MessageDigest digest, String label, String value) {
        for (String part : List.of(label, value)) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
