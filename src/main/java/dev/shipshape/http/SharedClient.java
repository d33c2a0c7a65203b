package dev.shipshape.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client configuration, used by every request Shipshape sends (steps, probes,
 * checklist items): HTTP/1.1 (what health endpoints and proxies reliably speak), a connect timeout
 * well below usual step timeouts, and no redirects: a check against {@code /health} should fail on
 * a 302 to a login page, not pass on the login page's 200. Built on the first request: a run of
 * shell steps never pays for an HTTP client and its TLS context.
 */
public final class SharedClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private SharedClient() {
    }

    /** A new client of this configuration; the composition root makes one and hands it down. */
    public static HttpClient configured() {
        return new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
