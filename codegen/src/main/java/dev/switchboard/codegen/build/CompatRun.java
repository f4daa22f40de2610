package dev.switchboard.codegen.build;

import dev.switchboard.contract.ContractLoader;
import dev.switchboard.contract.compat.CompatFinding;
import dev.switchboard.contract.compat.CompatReport;
import dev.switchboard.contract.compat.CompatibilityChecker;
import dev.switchboard.contract.model.ServiceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run of the compat goal, free of Maven API: load the baseline (a contract file, or the
 * contract packaged in a service jar) and the current contract, compare, write the report.
 */
public final class CompatRun {

    private CompatRun() {}

    /**
     * @param contractName how the contract is shown in positions: its path relative to the project
     * @param baselineName how the baseline is shown: its path or its coordinates
     * @param baseline     a contract file, or a jar carrying one
     * @param report       where the machine-readable report goes
     */
    public static CompatReport run(Path contract, String contractName, String baselineName, Path baseline, Path report) {
        ServiceContract current = ContractLoader.parse(contractName, read(contract));
        ServiceContract previous = baseline.getFileName().toString().endsWith(".jar")
                ? fromJar(baselineName, baseline, current.service())
                : ContractLoader.parse(baselineName, read(baseline));
        CompatReport result = CompatibilityChecker.compare(previous, current);
        write(report, json(baselineName, contractName, result));
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static ServiceContract fromJar(String baselineName, Path jar, String service) {
        String entry = ServiceJar.contractEntry(service);
        String text = ServiceJar.contracts(jar).get(entry);
        if (text == null) {
            throw new IllegalArgumentException(baselineName + " carries no " + entry
                    + ": was it built with the Switchboard plugin, and is the service still named " + service + "?");
        }
        return ContractLoader.parse(baselineName + "!/" + entry, text);
    }

    /** The log text: every finding, breaking first, and a summary line. */
    public static List<String> lines(String baselineName, CompatReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Switchboard compat against %s: %d breaking, %d compatible change(s)",
                baselineName, report.breaking().size(), report.compatible().size()));
        report.findings().forEach(finding -> lines.add("  " + finding));
        return lines;
    }

    private static String json(String baseline, String contract, CompatReport report) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"baseline\": ").append(quote(baseline))
                .append(",\n  \"contract\": ").append(quote(contract))
                .append(",\n  \"breaking\": ").append(report.breaking().size())
                .append(",\n  \"compatible\": ").append(report.compatible().size())
                .append(",\n  \"findings\": [");
        List<CompatFinding> findings = report.findings();
        for (int i = 0; i < findings.size(); i++) {
            CompatFinding finding = findings.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"severity\": ").append(quote(finding.severity().name()))
                    .append(", \"rule\": ").append(quote(finding.rule()))
                    .append(", \"subject\": ").append(quote(finding.subject()))
                    .append(", \"position\": ").append(quote(String.valueOf(finding.position())))
                    .append(", \"reason\": ").append(quote(finding.reason()))
                    .append(", \"affects\": [")
                    .append(String.join(", ", finding.affects().stream().sorted().map(a -> quote(a.name())).toList()))
                    .append("]}");
        }
        return json.append(findings.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
