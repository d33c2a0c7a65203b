package dev.shipshape.server;

import java.util.Map;

/** Thrown by a handler to answer with an {@link ApiError}; the server turns it into the JSON error body. */
public final class ApiProblem extends RuntimeException {

    private final transient ApiError error;

    public ApiProblem(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiProblem(int status, String code, String message) {
        this(ApiError.of(status, code, message));
    }

    public ApiProblem(int status, String code, String message, Map<String, Object> details) {
        this(new ApiError(status, code, message, details));
    }

    public ApiError error() {
        return error;
    }

    public static ApiProblem badRequest(String message) {
        return new ApiProblem(400, "bad_request", message);
    }

    public static ApiProblem notFound(String message) {
        return new ApiProblem(404, "not_found", message);
    }
}
