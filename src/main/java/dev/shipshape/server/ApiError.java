package dev.shipshape.server;

import java.util.Map;

/**
 * The one shape every API error has: the HTTP status, a stable machine-readable code, a sentence for a person,
 * and details (the field, the line and column of a bad body, the role needed ...).
 *
 * @param code lower-case words with underscores, e.g. {@code unauthenticated}, {@code not_found}, {@code bad_json}
 */
public record ApiError(int status, String code, String message, Map<String, Object> details) {

    public ApiError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, Map.of());
    }
}
