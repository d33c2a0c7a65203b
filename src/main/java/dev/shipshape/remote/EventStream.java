package dev.shipshape.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.time.Sleeper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Follows a run's live events on a server: reads the Server-Sent Events stream, hands each event on, and when the
 * connection drops reconnects with {@code Last-Event-ID}, so that nothing is missed or seen twice.
 */
public final class EventStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final int RECONNECTS = 30;

    private final ApiClient client;
    private final Sleeper sleeper;

    public EventStream(ApiClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** Receives the events of a run as they come. */
    public interface Handler {
        void event(RemoteEvent event);
    }

    /**
     * Follows {@code runId}'s events from the start until {@code last} says an event was the run's last one, or
     * {@code detached} turns true.
     *
     * @return the last event handed on, or null when detached before any
     */
    public RemoteEvent follow(String runId, Predicate<RemoteEvent> last, BooleanSupplier detached, Handler handler) {
        String lastId = null;
        int failures = 0;
        while (!detached.getAsBoolean()) {
            try (Stream<String> lines = open(runId, lastId)) {
                Parser parser = new Parser();
                Iterator<String> each = lines.iterator();
                while (each.hasNext() && !detached.getAsBoolean()) {
                    RemoteEvent event = parser.line(each.next());
                    if (event == null) {
                        continue;
                    }
                    failures = 0;
                    if (event.id() != null) {
                        lastId = event.id();
                    }
                    handler.event(event);
                    if (last.test(event)) {
                        return event;
                    }
                }
            } catch (IOException e) {
                if (++failures > RECONNECTS) {
                    throw client.unreachable(e);
                }
            }
            pause();
        }
        return null;
    }

    private Stream<String> open(String runId, String lastId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("/api/v1/runs/" + ApiClient.segment(runId)
                + "/events")).header("Authorization", "Bearer " + client.server().token())
                .header("Accept", "text/event-stream");
        if (lastId != null) {
            request.header("Last-Event-ID", lastId);
        }
        try {
            HttpResponse<Stream<String>> response = client.http().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                ApiClient.answer(response.statusCode(), body);
                throw new ShipshapeException(Code.FAILED, "the server answered " + response.statusCode()
                        + " to the events of run " + runId);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void pause() {
        try {
            sleeper.pause(RECONNECT_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The text/event-stream format: fields up to a blank line make one event; lines starting ':' are comments. */
    static final class Parser {
        private String id;
        private String kind;
        private final StringBuilder data = new StringBuilder();

        RemoteEvent line(String line) {
            if (line.isEmpty()) {
                return dispatch();
            }
            if (line.startsWith(":")) {
                return null;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> kind = value;
                case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                default -> {
                }
            }
            return null;
        }

        private RemoteEvent dispatch() {
            if (data.isEmpty() && kind == null) {
                return null;
            }
            JsonNode body;
            try {
                body = data.isEmpty() ? JSON.createObjectNode() : JSON.readTree(data.toString());
            } catch (IOException e) {
                body = JSON.createObjectNode().put("text", data.toString());
            }
            RemoteEvent event = new RemoteEvent(id, kind == null ? "message" : kind, body);
            id = null;
            kind = null;
            data.setLength(0);
            return event;
        }
    }
}
