package dev.switchboard.contract.model;

import dev.switchboard.contract.Position;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's {@code security} section: how callers authenticate and the scopes operations may
 * require. Its presence alone changes the default: every operation then needs an authenticated
 * caller unless it says {@code public: true}.
 *
 * @param schemes  how callers may authenticate, any one of them, in contract order
 * @param scopes   every scope an operation may require, with what it grants, in contract order
 * @param position where the section starts
 */
public record Security(List<Scheme> schemes, Map<String, String> scopes, Position position) {

    public Security {
        schemes = List.copyOf(schemes);
        scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
    }

    /** A way to authenticate; the runtime and the exported specs each know what it means. */
    public enum Scheme {
        /** An OAuth2 bearer JWT, validated as a resource server. */
        JWT("an OAuth2 bearer JWT"),
        /** A client certificate presented in the TLS handshake (mutual TLS). */
        MTLS("a client certificate (mutual TLS)");

        private final String meaning;

        Scheme(String meaning) {
            this.meaning = meaning;
        }

        /** The name as written in the contract: {@code jwt}, {@code mtls}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What a caller presents, for documentation: "an OAuth2 bearer JWT". */
        public String meaning() {
            return meaning;
        }

        public static Optional<Scheme> of(String spelling) {
            return Arrays.stream(values()).filter(s -> s.spelling().equals(spelling)).findFirst();
        }

        public static List<String> spellings() {
            return Arrays.stream(values()).map(Scheme::spelling).toList();
        }
    }
}
