package dev.switchboard.contract.compat;

import dev.switchboard.contract.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects findings while the rules walk both contracts. */
final class Findings {

    private final List<CompatFinding> breaking = new ArrayList<>();
    private final List<CompatFinding> compatible = new ArrayList<>();

    void breaking(String rule, String subject, Position position, String reason, Set<Audience> affects) {
        breaking.add(new CompatFinding(CompatFinding.Severity.BREAKING, rule, subject, position, reason, affects));
    }

    void compatible(String rule, String subject, Position position, String reason) {
        compatible.add(new CompatFinding(CompatFinding.Severity.COMPATIBLE, rule, subject, position, reason, Set.of()));
    }

    CompatReport report() {
        List<CompatFinding> all = new ArrayList<>(breaking);
        all.addAll(compatible);
        return new CompatReport(all);
    }
}
