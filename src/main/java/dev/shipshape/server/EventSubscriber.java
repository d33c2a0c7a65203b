package dev.shipshape.server;

import dev.shipshape.app.EventFeed;
import dev.shipshape.app.FeedCursor;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.time.Ticks;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the live events, on a virtual thread of its own that does all its writing (a slow client slows
 * only itself): it catches up through its own cursor, then sends what the hub hands it (a run's stream also gets
 * its steps' output lines as {@code output} events without an id, once it follows the hub), and a heartbeat
 * comment whenever the stream has been quiet for the heartbeat interval.
 */
final class EventSubscriber {

    /** The most events waiting to be written to one client; a client further behind is dropped. */
    static final int QUEUE = 2_000;

    /** What a client is sent: an event of the store, or a line of step output (ephemeral: it has no id). */
    sealed interface Outgoing {
    }

    record Stored(EventRecord event) implements Outgoing {
    }

    /** A line a step of a run this server executes printed (redacted, as the engine hands it on). */
    record Output(String runId, String stepId, String line) implements Outgoing {
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);

    private final EventHub hub;
    private final SseClient client;
    private final FeedCursor start;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final long heartbeatNanos;
    private volatile boolean stopped;
    private volatile Thread thread;
    private long joinedAt;
    private long lastWrite = Ticks.SYSTEM.nanos();

    private EventSubscriber(EventHub hub, SseClient client, FeedCursor start) {
        this.hub = hub;
        this.client = client;
        this.start = start;
        this.heartbeatNanos = hub.heartbeat().toNanos();
    }

    /** Streams to {@code client} the events after {@code start} (of its run, or of every run). */
    static void follow(EventHub hub, SseClient client, FeedCursor start) {
        EventSubscriber subscriber = new EventSubscriber(hub, client, start);
        client.keepAlive();
        client.onClose(subscriber::stop);
        hub.enter(subscriber);
        subscriber.thread = Thread.ofVirtual().name("shipshape-events-client").start(subscriber::run);
    }

    private void run() {
        hub.metrics().eventClients().incrementAndGet();
        try {
            if (catchUp()) {
                followHub();
            }
        } catch (InterruptedException e) {
            // stopped: the client went away, fell too far behind, or the server stops
        } catch (RuntimeException e) {
            LOG.warn("a live-events stream ended: {}", e.getMessage());
        } finally {
            stopped = true;
            hub.leave(this);
            client.close();
            hub.metrics().eventClients().decrementAndGet();
        }
    }

    /** Reads through its own cursor until the hub's shared stream has nothing this client was not sent. */
    private boolean catchUp() throws InterruptedException {
        FeedCursor cursor = start;
        while (open()) {
            if (hub.join(this, cursor.lastSeq())) {
                return true;
            }
            EventFeed.Batch batch = hub.feed().next(cursor);
            batch.events().forEach(this::send);
            boolean moved = batch.cursor().lastSeq() != cursor.lastSeq();
            cursor = batch.cursor();
            if (!moved) {
                Thread.sleep(EventHub.POLL);
                beatIfQuiet();
            }
        }
        return false;
    }

    private void followHub() throws InterruptedException {
        while (open()) {
            long quiet = Ticks.SYSTEM.nanos() - lastWrite;
            Outgoing next = queue.poll(Math.max(1, heartbeatNanos - quiet), TimeUnit.NANOSECONDS);
            switch (next) {
                case null -> beatIfQuiet();
                case Stored stored -> send(stored.event());
                case Output output -> send(output);
            }
        }
    }

    /** Called by the hub, under its lock, when this client joins with every event up to {@code sent}. */
    void joined(long sent) {
        joinedAt = sent;
    }

    /**
     * Called by the hub, under its lock, with each event of the shared stream and each line of output; false when
     * this client is stopped or fell so far behind that it is dropped. A line of output is queued only for the
     * stream of its run and while the queue is less than half full (output is not worth dropping a client for).
     */
    boolean offer(Outgoing next) {
        if (stopped) {
            return false;
        }
        return switch (next) {
            case Output line -> {
                if (line.runId().equals(start.runId()) && queue.remainingCapacity() > QUEUE / 2) {
                    queue.offer(line);
                }
                yield true;
            }
            case Stored stored -> {
                EventRecord event = stored.event();
                if (event.seq() <= joinedAt || !wanted(event) || queue.offer(stored)) {
                    yield true;
                }
                LOG.info("dropped a live-events client {} events behind; it reconnects with its last event id",
                        QUEUE);
                stop();
                yield false;
            }
        };
    }

    private boolean wanted(EventRecord event) {
        return start.runId() == null || start.runId().equals(event.runId());
    }

    void stop() {
        stopped = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private boolean open() {
        return !stopped && !hub.stopped() && !client.terminated();
    }

    private void send(EventRecord event) {
        client.sendEvent(event.kind(), EventHub.data(event), Long.toString(event.seq()));
        lastWrite = Ticks.SYSTEM.nanos();
    }

    private void send(Output output) {
        client.sendEvent("output", ApiJson.write(output));
        lastWrite = Ticks.SYSTEM.nanos();
    }

    private void beatIfQuiet() {
        long now = Ticks.SYSTEM.nanos();
        if (now - lastWrite >= heartbeatNanos) {
            client.sendComment("heartbeat");
            lastWrite = now;
        }
    }
}
