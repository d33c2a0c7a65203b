package dev.shipshape.server;

import java.util.Map;

/** The bodies the runs routes read: strictly, each field named as the API documents it. */
final class RunBodies {

    private RunBodies() {
    }

    /** @param overrideReason why the deployment starts outside its windows (an emergency) */
    record Deploy(String environment, String version, String overrideReason, Boolean sqlConfirmed) {
    }

    /**
     * @param to        the version to return to; the previous successful one when left out
     * @param type      {@code full} (the default), {@code application} or {@code database}
     * @param confirmed whether undoing database stages (data written since is lost) is confirmed
     */
    record Rollback(String environment, String to, String reason, String type, Boolean confirmed,
                    Boolean sqlConfirmed) {
    }

    record Procedure(String environment, String reason, Boolean sqlConfirmed) {
    }

    record Cancel(String reason) {
    }

    /** @param choice {@code policy} (the default), {@code rerun} or {@code rollback} */
    record Resume(String choice) {
    }

    /** A field the body must have, refused with a 400 naming it when it is missing or blank. */
    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem(400, "bad_body", "field '" + field + "' is required", Map.of("field", field));
        }
        return value;
    }

    static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
