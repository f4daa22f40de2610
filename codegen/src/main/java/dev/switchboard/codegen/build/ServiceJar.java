package dev.switchboard.codegen.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The contracts a service jar carries, at {@code META-INF/switchboard/<service>/contract.yaml}. */
final class ServiceJar {

    private static final Pattern CONTRACT_ENTRY = Pattern.compile("META-INF/switchboard/[^/]+/contract\\.yaml");

    private ServiceJar() {}

    /** Where every service jar carries its own contract, for importers and later compatibility checks. */
    static String contractEntry(String service) {
        return "META-INF/switchboard/" + service.toLowerCase(Locale.ROOT) + "/contract.yaml";
    }

    /** Every contract in the jar, by entry name, in name order. */
    static Map<String, String> contracts(Path jar) {
        Map<String, String> contracts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (CONTRACT_ENTRY.matcher(entry.getName()).matches()) {
                    contracts.put(entry.getName(),
                            new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        }
        return contracts;
    }
}
