package dev.migrate.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.migrate.config.InvalidUrlException;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

/**
 * The server-certificate check of {@code sslmode=verify-ca} and {@code verify-full}, as libpq
 * does it: the chain must lead to a root in {@code sslrootcert} (default
 * {@code ~/.postgresql/root.crt}; {@code system} means the JVM's trusted roots), and for
 * verify-full the certificate must also name the host connected to. The reactive client reports
 * any refused handshake only as "SSL handshake failed"; this check remembers why it refused, so
 * the connection error can say it.
 */
final class ServerCertificateCheck extends X509ExtendedTrustManager implements TrustOptions {
    private final X509ExtendedTrustManager roots;
    private final String rootSource;
    private final boolean checkHost;
    private final String host;
    private final TrustOptions wrapped;
    private volatile String refusal;

    private ServerCertificateCheck(X509ExtendedTrustManager roots, String rootSource, boolean checkHost, String host) {
        this.roots = roots;
        this.rootSource = rootSource;
        this.checkHost = checkHost;
        this.host = host;
        this.wrapped = TrustOptions.wrap(this);
    }

    /** Reads the roots the URL names; a file that cannot be read is an error naming it. */
    static ServerCertificateCheck of(PostgresUrl url, boolean checkHost) {
        String named = url.sslRootCert();
        try {
            if ("system".equals(named)) return new ServerCertificateCheck(trustManager(null), "the system's trusted roots", checkHost, url.host());
            Path file = named != null ? Path.of(named) : Path.of(System.getProperty("user.home"), ".postgresql", "root.crt");
            return new ServerCertificateCheck(trustManager(read(file, named == null, url)), "sslrootcert " + file, checkHost, url.host());
        } catch (GeneralSecurityException e) {
            throw new InvalidUrlException("sslrootcert in database URL " + url.masked() + " cannot be used: " + e.getMessage());
        }
    }

    private static KeyStore read(Path file, boolean isDefault, PostgresUrl url) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new InvalidUrlException("root certificate file " + file + " does not exist (sslmode=" + url.sslMode().text()
                    + " in database URL " + url.masked() + "). Either provide the file"
                    + (isDefault ? " or name one with sslrootcert=FILE" : "")
                    + ", use the system's trusted roots with sslrootcert=system, or use sslmode=require, which encrypts"
                    + " without checking the certificate.");
        } catch (IOException | CertificateException e) {
            throw new InvalidUrlException("root certificate file " + file + " (sslrootcert in database URL " + url.masked()
                    + ") cannot be read: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new InvalidUrlException("root certificate file " + file + " (sslrootcert in database URL " + url.masked()
                    + ") holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certificates) store.setCertificateEntry("root-" + i++, c);
        return store;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore roots) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(roots);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) return (X509ExtendedTrustManager) tm;
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Why the last handshake was refused, in words for the connection error; null when it was not. */
    String refusal() {
        return refusal;
    }

    private void checkChain(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            roots.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            refusal = "the server's certificate (" + subject(chain) + ") is not signed by a root in " + rootSource;
            throw e;
        }
    }

    private CertificateException wrongHost(X509Certificate[] chain, CertificateException e) {
        refusal = "the server's certificate does not name the host " + host + " (it names " + names(chain) + ");"
                + " connect by a name it lists, or use sslmode=verify-ca to check only the root";
        return e;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkChain(chain, authType);
        if (!checkHost) return;
        try {
            roots.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw wrongHost(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkChain(chain, authType);
        if (!checkHost) return;
        try {
            roots.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw wrongHost(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        // Without the connection there is no host to compare: the engine always calls the variants above.
        checkChain(chain, authType);
    }

    private static String subject(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) return "none presented";
        return chain[0].getSubjectX500Principal().getName() + ", issued by " + chain[0].getIssuerX500Principal().getName();
    }

    /** The DNS names and IP addresses the certificate is for, else its subject. */
    private static String names(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) return "nothing";
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = chain[0].getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> san : alternatives) {
                    Object type = san.get(0);
                    if (Integer.valueOf(2).equals(type) || Integer.valueOf(7).equals(type)) out.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateException ignored) {
            // Unparsable alternative names: fall back to the subject.
        }
        return out.isEmpty() ? chain[0].getSubjectX500Principal().getName() : String.join(", ", out);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this check is for servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this check is for servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this check is for servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return roots.getAcceptedIssuers();
    }

    // TrustOptions: the client asks for the trust managers through these; it copies its options, and
    // every copy must reach this same check so that the refusal is seen here.

    @Override
    public TrustOptions copy() {
        return this;
    }

    @Override
    public TrustManagerFactory getTrustManagerFactory(Vertx vertx) throws Exception {
        return wrapped.getTrustManagerFactory(vertx);
    }

    @Override
    public Function<String, TrustManager[]> trustManagerMapper(Vertx vertx) throws Exception {
        return wrapped.trustManagerMapper(vertx);
    }
}
