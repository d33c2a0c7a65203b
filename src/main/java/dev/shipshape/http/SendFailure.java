package dev.shipshape.http;

import dev.shipshape.tls.TlsFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** Says in one line why a request got no response, without a stack trace. */
final class SendFailure {

    private SendFailure() {
    }

    /** Whether the failure is the request running out of time (rather than, say, a refused connection). */
    static boolean isTimeout(Throwable failure) {
        return find(failure, HttpTimeoutException.class) != null
                && find(failure, HttpConnectTimeoutException.class) == null;
    }

    /** Why, without the URL, for callers that name the server themselves ("Prometheus at ... did not answer: "). */
    static String why(Throwable failure) {
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "connect timed out";
        }
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null) {
            return "unknown host";
        }
        if (find(failure, ConnectException.class) != null) {
            return connectReason(failure);
        }
        java.util.Optional<String> tls = TlsFailure.describe(failure);
        return tls.map(t -> "TLS failed: " + t).orElseGet(() -> reason(innermost(failure)));
    }

    /** @param url the request's URL */
    static String describe(Throwable failure, String url) {
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "cannot connect to " + url + ": connect timed out";
        }
        // Before ConnectException: the JDK wraps an unresolvable host in one, too.
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null) {
            return "cannot connect to " + url + ": unknown host";
        }
        if (find(failure, ConnectException.class) != null) {
            return "cannot connect to " + url + ": " + connectReason(failure);
        }
        java.util.Optional<String> tls = TlsFailure.describe(failure);
        if (tls.isPresent()) {
            return "TLS with " + url + " failed: " + tls.get();
        }
        return "request to " + url + " failed: " + reason(innermost(failure));
    }

    /** The JDK reports refusal as a ConnectException, often without any message at the outer level. */
    private static String connectReason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        return reason == null ? "connection refused" : reason.toLowerCase(Locale.ROOT);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** In words, never a JDK class name: the connection closing early is the usual case. */
    private static String reason(Throwable t) {
        if (t instanceof java.io.EOFException || "HTTP/1.1 header parser received no bytes".equals(t.getMessage())) {
            return "the server closed the connection before the answer was complete";
        }
        if (t.getMessage() == null || t.getMessage().isBlank()) {
            return "the connection failed";
        }
        return t.getMessage();
    }
}
