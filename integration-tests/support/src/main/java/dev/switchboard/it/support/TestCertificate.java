package dev.switchboard.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made by the JDK's keytool
 * for one test run, in the forms servers and Spring SSL bundles read: a PKCS12 key store, and PEM
 * files of the certificate and its private key.
 *
 * <p>In a Spring SSL bundle: {@link #presentingBundle} to present it (a server's), {@link #trustingBundle}
 * to trust it (a client's).
 *
 * @param keyStore    PKCS12, the key and certificate under the alias {@code name}, password {@link #PASSWORD}
 * @param certificate the certificate, PEM
 * @param privateKey  its private key, PEM (PKCS#8, unencrypted)
 */
public record TestCertificate(Path keyStore, Path certificate, Path privateKey) {

    public static final String PASSWORD = "changeit";

    /** Makes a key pair and a certificate named {@code name} in {@code directory}. */
    public static TestCertificate selfSigned(Path directory, String name) throws IOException, InterruptedException {
        Path keyStore = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore keys = load(keyStore);
        TestCertificate made = new TestCertificate(keyStore, directory.resolve(name + ".pem"), directory.resolve(name + ".key"));
        try {
            writePem(made.certificate(), "CERTIFICATE", keys.getCertificate(name).getEncoded());
            writePem(made.privateKey(), "PRIVATE KEY", keys.getKey(name, PASSWORD.toCharArray()).getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read back the key store keytool wrote", e);
        }
        return made;
    }

    /** The properties of a Spring PEM SSL bundle {@code name} that presents this certificate, as a server does. */
    public Map<String, String> presentingBundle(String name) {
        return Map.of("spring.ssl.bundle.pem." + name + ".keystore.certificate", "file:" + certificate,
                "spring.ssl.bundle.pem." + name + ".keystore.private-key", "file:" + privateKey);
    }

    /** The properties of a Spring PEM SSL bundle {@code name} that trusts this certificate, as a client does. */
    public Map<String, String> trustingBundle(String name) {
        return Map.of("spring.ssl.bundle.pem." + name + ".truststore.certificate", "file:" + certificate);
    }

    /** A server-side TLS context that presents this certificate. */
    public SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static KeyStore load(Path keyStore) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return keys;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read " + keyStore, e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
