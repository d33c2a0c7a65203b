package dev.shipshape.gates.checklist;

import dev.shipshape.runbook.gates.ChecklistItem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Connects to host:port and checks the dates of the certificate the server presents: valid now and
 * for at least {@code min_days} more. Trust in the chain is what clients check; this item exists
 * to catch a certificate that is about to run out.
 */
final class TlsCheck {

    private TlsCheck() {
    }

    static ItemResult check(ChecklistItem.Tls item, Instant now) {
        try {
            X509Certificate cert = presented(item);
            Instant notAfter = cert.getNotAfter().toInstant();
            LocalDate until = LocalDate.ofInstant(notAfter, ZoneOffset.UTC);
            if (now.isBefore(cert.getNotBefore().toInstant())) {
                return ItemResult.fail(item.name(), "tls", "certificate is not valid before "
                        + LocalDate.ofInstant(cert.getNotBefore().toInstant(), ZoneOffset.UTC));
            }
            if (!now.isBefore(notAfter)) {
                return ItemResult.fail(item.name(), "tls", "certificate expired on " + until);
            }
            long days = Duration.between(now, notAfter).toDays();
            boolean ok = days >= item.minDays();
            return new ItemResult(item.name(), "tls", ok, "certificate valid until " + until + " (" + days + " days"
                    + (ok ? ")" : "; needs at least " + item.minDays() + ")"));
        } catch (IOException | GeneralSecurityException e) {
            return ItemResult.fail(item.name(), "tls", "no certificate from " + item.host() + ":" + item.port() + ": "
                    + why(e));
        }
    }

    /** In words, never a Java class name. */
    private static String why(Exception e) {
        return switch (e) {
            case java.net.ConnectException refused -> "connection refused; is the server listening there?";
            case java.net.UnknownHostException unknown -> "unknown host; check the host name";
            case java.net.SocketTimeoutException slow -> "no answer in time";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "the connection failed" : e.getMessage();
        };
    }

    private static X509Certificate presented(ChecklistItem.Tls item) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new AcceptAny()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            int timeout = (int) item.timeout().toMillis();
            socket.connect(new InetSocketAddress(item.host(), item.port()), timeout);
            socket.setSoTimeout(timeout);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** Accepts any chain: only the presented certificate's dates are judged here. */
    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
