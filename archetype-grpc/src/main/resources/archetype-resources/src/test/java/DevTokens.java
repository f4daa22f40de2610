package ${package};

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints a development token, so the service can be called with no identity provider at hand. From the
 * project directory: {@code java src/test/java/<package>/DevTokens.java [subject] ["scope scope"]}.
 * It signs with {@code src/dev/dev-jwt.key}, which only the {@code dev} profile trusts; it lives with
 * the tests and uses nothing but the JDK so that it is never in the jar and runs without a build.
 */
public final class DevTokens {

    /** The audience the service checks (spring.security.oauth2.resourceserver.jwt.audiences). */
    static final String AUDIENCE = "${artifactId}";
    static final String ALL_SCOPES = "${artifactId}:read ${artifactId}:write";

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        String subject = args.length > 0 ? args[0] : "developer";
        String scopes = args.length > 1 ? args[1] : ALL_SCOPES;
        String pem = Files.readString(Path.of("src/dev/dev-jwt.key"))
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        System.out.println(sign(key, subject, scopes, Duration.ofHours(8)));
    }

    /** An RS256 JWT for {@code subject} holding {@code scopes} (space-separated), for this service's audience. */
    static String sign(PrivateKey key, String subject, String scopes, Duration validity) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"sub\":\"" + escaped(subject) + "\",\"aud\":\"" + AUDIENCE + "\",\"scope\":\""
                + escaped(scopes) + "\",\"iat\":" + now + ",\"exp\":" + (now + validity.toSeconds()) + "}";
        String signed = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
