package dev.shipshape.server;

import dev.shipshape.app.EventFeed;
import dev.shipshape.app.FeedCursor;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.time.Ticks;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of the live events, on a virtual thread of its own that does all its writing (a slow client slows
 * only itself): it catches up through its own cursor, then sends what the hub hands it, and a heartbeat comment
 * whenever the stream has been quiet for the heartbeat interval.
 */
final class EventSubscriber {

    /** The most events waiting to be written to one client; a client further behind is dropped. */
    static final int QUEUE = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriber.class);

    private final EventHub hub;
    private final SseClient client;
    private final FeedCursor start;
    private final BlockingQueue<EventRecord> queue = new ArrayBlockingQueue<>(QUEUE);
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
            EventRecord event = queue.poll(Math.max(1, heartbeatNanos - quiet), TimeUnit.NANOSECONDS);
            if (event != null) {
                send(event);
            } else {
                beatIfQuiet();
            }
        }
    }

    /** Called by the hub, under its lock, when this client joins with every event up to {@code sent}. */
    void joined(long sent) {
        joinedAt = sent;
    }

    /**
     * Called by the hub, under its lock, with each batch of the shared stream; false when this client is
     * stopped or fell so far behind that it is dropped.
     */
    boolean offer(List<EventRecord> events) {
        if (stopped) {
            return false;
        }
        for (EventRecord event : events) {
            if (event.seq() <= joinedAt || !wanted(event)) {
                continue;
            }
            if (!queue.offer(event)) {
                LOG.info("dropped a live-events client {} events behind; it reconnects with its last event id",
                        QUEUE);
                stop();
                return false;
            }
        }
        return true;
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

    private void beatIfQuiet() {
        long now = Ticks.SYSTEM.nanos();
        if (now - lastWrite >= heartbeatNanos) {
            client.sendComment("heartbeat");
            lastWrite = now;
        }
    }
}
