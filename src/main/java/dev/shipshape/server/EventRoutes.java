package dev.shipshape.server;

import dev.shipshape.app.FeedCursor;
import dev.shipshape.users.Role;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Live events as Server-Sent Events: each event's {@code id} is its seq in the store, its {@code event} its kind
 * ({@code step.succeeded}), its {@code data} the JSON {@code {seq, runId, at, kind, subject, message}}. A client
 * that reconnects with {@code Last-Event-ID} (or {@code ?after=SEQ}; the header wins) is sent every event after
 * that seq, none twice. Without either, a run's stream replays the run from its first event and the stream of
 * every run starts from now. A comment line is sent whenever a stream has been quiet for the heartbeat interval.
 */
final class EventRoutes {

    private static final Pattern SEQ = Pattern.compile("\\d{1,18}");

    private EventRoutes() {
    }

    static List<Route> routes(Backend backend, EventHub hub) {
        Route.Access viewer = Route.Access.role(Role.VIEWER);
        Route all = Route.get(Api.PREFIX + "/events", viewer, "Live events of every run (Server-Sent Events):"
                + " from now, or after Last-Event-ID or ?after=SEQ", ctx -> {
            acceptsEvents(ctx);
            Long after = lastSeen(ctx);
            stream(ctx, hub, after == null ? hub.feed().fromNow(null) : hub.feed().after(null, after));
        });
        Route ofRun = Route.get(Api.PREFIX + "/runs/{id}/events", viewer, "A run's events (Server-Sent Events):"
                + " from its first, or after Last-Event-ID or ?after=SEQ, then live", ctx -> {
            String runId = Requests.pathParam(ctx, "id");
            acceptsEvents(ctx);
            backend.app().runs(backend.storeAccess()).show(runId);
            Long after = lastSeen(ctx);
            stream(ctx, hub, after == null ? hub.feed().fromStartOf(runId) : hub.feed().after(runId, after));
        });
        return List.of(all, ofRun);
    }

    /**
     * Starts the stream, as Javalin's {@code SseHandler} does, but also for a client that sends no {@code Accept}
     * (which that handler leaves unanswered); the client's thread is its {@link EventSubscriber}'s.
     */
    private static void stream(Context ctx, EventHub hub, FeedCursor start) throws IOException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.addHeader("Connection", "close");
        response.addHeader("Cache-Control", "no-cache");
        response.addHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> EventSubscriber.follow(hub, new SseClient(ctx), start));
    }

    /** A client that sends no Accept, or one that accepts an event stream, gets one; else a 406. */
    private static void acceptsEvents(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && !accept.isBlank() && !accept.contains("text/event-stream") && !accept.contains("*/*")
                && !accept.contains("text/*")) {
            throw new ApiProblem(406, "not_acceptable", "live events are a text/event-stream: send the header"
                    + " 'Accept: text/event-stream' (as a browser's EventSource does; curl -N -H 'Accept:"
                    + " text/event-stream' ...)");
        }
    }

    /** The seq of the last event the client has: its {@code Last-Event-ID}, else {@code ?after=}; null if none. */
    private static Long lastSeen(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return seq(header.trim(), "the Last-Event-ID header");
        }
        String query = ctx.queryParam("after");
        return query == null ? null : seq(query.trim(), "after");
    }

    private static long seq(String text, String where) {
        if (!SEQ.matcher(text).matches()) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw ApiProblem.badRequest(where + " '" + shown + "' is not an event id; give the id (a whole number)"
                    + " of the last event received, or leave it out");
        }
        return Long.parseLong(text);
    }
}
