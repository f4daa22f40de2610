package dev.switchboard.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test contracts: a ledger at 1.0, a breaking 2.0 of it, an audit service it calls, one with several mistakes. */
final class Contracts {

    private Contracts() {}

    static Path ledgerV1() {
        return path("ledger-v1.yaml");
    }

    static Path ledgerV2() {
        return path("ledger-v2.yaml");
    }

    static Path audit() {
        return path("audit.yaml");
    }

    static Path broken() {
        return path("broken.yaml");
    }

    private static Path path(String name) {
        try {
            return Path.of(Contracts.class.getResource("/contracts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
