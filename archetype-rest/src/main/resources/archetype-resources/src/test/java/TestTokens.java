package ${package};

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for the identity provider in the tests: an RSA key pair made for this test run, its public
 * key trusted through the same standard resource-server properties production sets, and real RS256
 * tokens signed with its private key. No decoder is mocked: Spring Security checks every token.
 */
final class TestTokens {

    private static final KeyPair KEY = newKeyPair();
    private static final KeyPair OTHER_KEY = newKeyPair();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** Trusts this run's key instead of the issuer production names. */
    static void trust(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> "");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> PUBLIC_KEY.toUri().toString());
        properties.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> DevTokens.AUDIENCE);
    }

    /** A valid token for {@code subject} holding {@code scopes} (space-separated). */
    static String token(String subject, String scopes) {
        return DevTokens.sign(KEY.getPrivate(), subject, scopes, Duration.ofMinutes(10));
    }

    /** A well-formed token signed with a key the service does not trust. */
    static String untrusted(String subject, String scopes) {
        return DevTokens.sign(OTHER_KEY.getPrivate(), subject, scopes, Duration.ofMinutes(10));
    }

    /** A token with every scope of the contract. */
    static String allScopes() {
        return token("test-client", DevTokens.ALL_SCOPES);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("test-jwt", ".pub");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
