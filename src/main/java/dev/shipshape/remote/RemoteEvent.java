package dev.shipshape.remote;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Server-Sent Event from a server's stream.
 *
 * @param id   the event's store seq (its SSE id), or null for an ephemeral event such as an output line
 * @param kind the SSE event name: {@code step.succeeded}, {@code run.failed}, {@code output} ...
 * @param data the event's JSON body
 */
public record RemoteEvent(String id, String kind, JsonNode data) {

    /** A field of the body as text, or null. */
    public String text(String field) {
        JsonNode value = data.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
