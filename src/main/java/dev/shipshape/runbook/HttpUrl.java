package dev.shipshape.runbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a URL that Shipshape requests must look like: {@code http://} or {@code https://} and a host.
 * Checked when a runbook is loaded (as far as references allow) and again before a request is sent.
 */
public final class HttpUrl {

    private static final String EXAMPLE = "e.g. http://127.0.0.1:8080/health";

    private HttpUrl() {
    }

    /** Why {@code url} is not an http(s) URL; empty when it is one, or when references still decide it. */
    public static Optional<String> problem(String url) {
        int reference = url.indexOf("${");
        if (reference >= 0) {
            String literal = url.substring(0, reference).toLowerCase(Locale.ROOT);
            boolean fits = literal.isEmpty() || "https://".startsWith(literal) || "http://".startsWith(literal)
                    || literal.startsWith("http://") || literal.startsWith("https://");
            return fits ? Optional.empty() : Optional.of(notAUrl(url));
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.of(notAUrl(url));
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of(notAUrl(url));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "; " + EXAMPLE);
        }
    }

    /** The URL as a URI for a request. @throws IllegalArgumentException saying what is wrong and what to write */
    public static URI of(String url) {
        problem(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return URI.create(url);
    }

    private static String notAUrl(String url) {
        return "'" + url + "' is not an http(s) URL: it needs http:// or https:// and a host; " + EXAMPLE;
    }
}
