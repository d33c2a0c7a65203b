package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunPosition;
import dev.shipshape.engine.RunRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque cursor of a run listing: the start (epoch milliseconds, as stored) and id of the last run of a page,
 * URL-safe Base64. The next page goes on after that run, so runs started meanwhile neither shift nor repeat a page.
 */
final class RunCursor {

    private static final String VERSION = "r1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RunCursor() {
    }

    static String after(RunRecord last) {
        String text = VERSION + ":" + last.createdAt().toEpochMilli() + ":" + last.runId();
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ShipshapeException INVALID_INPUT for a cursor no listing gave */
    static RunPosition read(String cursor) {
        String[] parts = decode(cursor).split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
            throw invalid(cursor);
        }
        try {
            return new RunPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid(cursor);
        }
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
    }

    private static ShipshapeException invalid(String cursor) {
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor;
        return new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "cursor '" + shown + "' is not one a run"
                + " listing gave; pass the nextCursor of the page before as it is, or leave it out for the newest runs");
    }
}
