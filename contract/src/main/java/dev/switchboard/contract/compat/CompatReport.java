package dev.switchboard.contract.compat;

import java.util.List;

/** Every difference found, breaking ones first, each in contract order. */
public record CompatReport(List<CompatFinding> findings) {

    public CompatReport {
        findings = List.copyOf(findings);
    }

    public List<CompatFinding> breaking() {
        return findings.stream().filter(CompatFinding::isBreaking).toList();
    }

    public List<CompatFinding> compatible() {
        return findings.stream().filter(finding -> !finding.isBreaking()).toList();
    }

    public boolean hasBreaking() {
        return findings.stream().anyMatch(CompatFinding::isBreaking);
    }
}
