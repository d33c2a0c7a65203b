package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.users.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A live-events client for tests: a real HTTP request whose body is read line by line on a thread of its own and
 * parsed into frames (an event with its id, kind and data, or a comment) as a browser's EventSource would.
 */
final class EventStream implements AutoCloseable {

    /** One thing the stream sent: an event ({@code comment} null) or a comment line. */
    record Frame(String id, String event, String data, String comment) {

        boolean isComment() {
            return comment != null;
        }
    }

    private static final Duration WITHIN = Duration.ofSeconds(10);

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens {@code path} as the role (none when null), with a {@code Last-Event-ID} unless it is null. */
    static EventStream open(ServerKit kit, String path, Role as, String lastEventId) throws IOException,
            InterruptedException {
        return open(kit, path, as, lastEventId, "text/event-stream");
    }

    /** The same, with the given {@code Accept} header, or none when it is null (as a plain HTTP client sends). */
    static EventStream open(ServerKit kit, String path, Role as, String lastEventId, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(kit.uri(path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (as != null) {
            request.header("Authorization", "Bearer " + kit.tokens.get(as));
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new EventStream(kit.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event, data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (UncheckedIOException e) {
            // closed
        }
    }

    /** The next frame, failing the test when none comes within ten seconds. */
    Frame next() throws InterruptedException {
        Frame frame = frames.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frame).as("a frame from the event stream within " + WITHIN).isNotNull();
        return frame;
    }

    /** The next {@code count} events, passing over heartbeat comments. */
    List<Frame> events(int count) throws InterruptedException {
        List<Frame> events = new ArrayList<>();
        while (events.size() < count) {
            Frame frame = next();
            if (!frame.isComment()) {
                events.add(frame);
            }
        }
        return events;
    }

    /** Whether the server ended the stream within ten seconds. */
    boolean ended() throws InterruptedException {
        return reader.join(WITHIN);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
