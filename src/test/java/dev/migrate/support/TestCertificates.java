package dev.migrate.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made by the test with the JDK's {@code keytool}, or {@code openssl}
 * when there is no keytool: a key store for the server side and the certificate as PEM, the
 * file a client names in {@code sslrootcert}. A test is skipped, saying why, when neither tool runs.
 */
public final class TestCertificates {
    private static final String PASSWORD = "test-store";

    private TestCertificates() {
    }

    /**
     * A server certificate and what a client needs to trust it.
     *
     * @param keyStore PKCS#12 with the key and certificate, password {@link #PASSWORD}
     * @param pem      the certificate alone, PEM: a root for {@code sslrootcert}
     */
    public record Certificate(Path keyStore, Path pem) {
        /** A server-side TLS context presenting this certificate. */
        public SSLContext serverContext() {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, PASSWORD.toCharArray());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A self-signed certificate for {@code commonName} valid for the subject alternative names
     * {@code dnsNames} and {@code ipAddresses}, written to {@code dir}.
     */
    public static Certificate selfSigned(Path dir, String name, String commonName, List<String> dnsNames, List<String> ipAddresses) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (Files.isExecutable(keytool) && !"openssl".equals(System.getProperty("migrate.test.certificates"))) {
            return withKeytool(keytool.toString(), dir, name, commonName, dnsNames, ipAddresses);
        }
        assumeTrue(runs("openssl", "version"), "neither keytool (in " + keytool.getParent() + ") nor openssl (on the PATH)"
                + " is available to make a test certificate");
        return withOpenssl(dir, name, commonName, dnsNames, ipAddresses);
    }

    private static Certificate withKeytool(String keytool, Path dir, String name, String cn, List<String> dns, List<String> ips) {
        Path store = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        List<String> san = new ArrayList<>();
        dns.forEach(d -> san.add("dns:" + d));
        ips.forEach(i -> san.add("ip:" + i));
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + cn, "-ext", "SAN=" + String.join(",", san), "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new Certificate(store, pem);
    }

    private static Certificate withOpenssl(Path dir, String name, String cn, List<String> dns, List<String> ips) {
        Path key = dir.resolve(name + ".key");
        Path pem = dir.resolve(name + ".pem");
        Path store = dir.resolve(name + ".p12");
        List<String> san = new ArrayList<>();
        dns.forEach(d -> san.add("DNS:" + d));
        ips.forEach(i -> san.add("IP:" + i));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + cn,
                "-addext", "subjectAltName=" + String.join(",", san), "-keyout", key.toString(), "-out", pem.toString());
        run("openssl", "pkcs12", "-export", "-in", pem.toString(), "-inkey", key.toString(), "-name", "server",
                "-out", store.toString(), "-passout", "pass:" + PASSWORD);
        return new Certificate(store, pem);
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("making a test certificate failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
