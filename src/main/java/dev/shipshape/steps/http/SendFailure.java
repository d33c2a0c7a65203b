package dev.shipshape.steps.http;

import dev.shipshape.runbook.Durations;
import dev.shipshape.tls.TlsFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
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

    /**
     * @param url     the request's URL, already redacted
     * @param timeout the attempt's time limit
     */
    static String describe(Throwable failure, String url, Duration timeout) {
        if (isTimeout(failure)) {
            return "timed out after " + Durations.format(timeout);
        }
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

    private static String reason(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
