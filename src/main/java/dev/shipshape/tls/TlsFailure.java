package dev.shipshape.tls;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Says in one line why TLS with a server failed, naming the certificate problem and what to do, for
 * every part that requests URLs (http and smoke steps, health checks, Prometheus). The JDK's own
 * message ("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: ...")
 * is kept in parentheses, shortened to its last cause.
 */
public final class TlsFailure {

    private TlsFailure() {
    }

    /** Why TLS failed, or empty when {@code failure} is not a TLS problem. */
    public static Optional<String> describe(Throwable failure) {
        if (find(failure, SSLException.class) == null) {
            return Optional.empty();
        }
        String detail = " (" + innermostMessage(failure) + ")";
        if (find(failure, CertificateExpiredException.class) != null
                || find(failure, CertificateNotYetValidException.class) != null) {
            return Optional.of("the server's certificate is not valid now" + detail);
        }
        if (find(failure, CertPathValidatorException.class) != null || innermostMessage(failure).contains("certification path")) {
            return Optional.of("the server's certificate is not trusted" + detail + "; trust its CA in the JVM"
                    + " (-Djavax.net.ssl.trustStore=...) or give the server a certificate from a trusted CA");
        }
        if (find(failure, CertificateException.class) != null) {
            return Optional.of("the server's certificate was refused" + detail);
        }
        return Optional.of("TLS handshake failed" + detail);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String innermostMessage(Throwable failure) {
        String message = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.replaceAll("^[a-z.]+\\.[A-Z]\\w*(Exception|Error): ", "");
    }
}
