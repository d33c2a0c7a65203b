package dev.shipshape.server;

import dev.shipshape.app.EventFeed;
import dev.shipshape.app.FeedCursor;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the event feed for every live-events client: a single thread polls the store every
 * {@link #POLL} (at once when a run this server executes records a change) through one shared cursor and hands
 * each batch to the clients that have caught up with it. A
 * client that starts behind (a reconnect with an old {@code Last-Event-ID}, a run's replay) reads through its own
 * cursor until it stands where the shared one does, and joins then; from there it is only handed events after
 * the last one it was sent, so none is lost and none sent twice. Handing over never blocks: a client whose queue
 * is full is dropped (it reconnects with its last id and catches up).
 *
 * <p>The lines of step output of the runs this server executes are handed on too, to the clients of that run's
 * stream, as ephemeral events (no id, not in the store, not sent again on a reconnect), each in its place among
 * the events ({@link OutputLines}).
 */
final class EventHub implements AutoCloseable {

    /** How often the shared cursor polls the store when it found nothing more waiting. */
    static final Duration POLL = Duration.ofMillis(150);

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final EventFeed feed;
    private final Duration heartbeat;
    private final ServerMetrics metrics;
    private final Object lock = new Object();
    private final List<EventSubscriber> live = new ArrayList<>();
    private final Set<EventSubscriber> every = ConcurrentHashMap.newKeySet();
    private final OutputLines lines;
    private final Thread poller;
    /** Where the shared stream stands; null until the poller first read the store (which may be down at start). */
    private FeedCursor head;
    private volatile boolean stopped;

    private EventHub(EventFeed feed, Duration heartbeat, ServerMetrics metrics, Clock clock) {
        this.feed = feed;
        this.lines = new OutputLines(clock);
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.poller = Thread.ofPlatform().daemon().name("shipshape-events").unstarted(this::poll);
    }

    /** Starts the shared cursor from now: events written before are read by the clients that ask for them. */
    static EventHub start(EventFeed feed, Duration heartbeat, ServerMetrics metrics, Clock clock) {
        EventHub hub = new EventHub(feed, heartbeat, metrics, clock);
        hub.poller.start();
        return hub;
    }

    EventFeed feed() {
        return feed;
    }

    Duration heartbeat() {
        return heartbeat;
    }

    ServerMetrics metrics() {
        return metrics;
    }

    boolean stopped() {
        return stopped;
    }

    /** Adds a client; it follows the shared stream once {@link #join} lets it in. */
    void enter(EventSubscriber subscriber) {
        every.add(subscriber);
        if (stopped) {
            subscriber.stop();
        }
    }

    /**
     * Lets a client that was sent every event up to {@code sent} follow the shared stream, if the shared cursor
     * has not passed that seq; otherwise it has more to catch up first.
     */
    boolean join(EventSubscriber subscriber, long sent) {
        synchronized (lock) {
            if (head == null || sent < head.lastSeq()) {
                return false;
            }
            subscriber.joined(sent);
            live.add(subscriber);
            return true;
        }
    }

    void leave(EventSubscriber subscriber) {
        synchronized (lock) {
            live.remove(subscriber);
        }
        every.remove(subscriber);
    }

    private void poll() {
        boolean failing = false;
        while (!stopped) {
            try {
                if (head == null) {
                    FeedCursor now = feed.fromNow(null);
                    synchronized (lock) {
                        head = now;
                    }
                }
                Instant readFrom = lines.now();
                EventFeed.Batch batch = feed.next(head);
                hand(batch.cursor(), lines.merge(batch.events(), readFrom));
                if (failing) {
                    LOG.info("live events read the store again");
                    failing = false;
                }
                if (!batch.more()) {
                    LockSupport.parkNanos(POLL.toNanos());
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warn("live events cannot read the store, trying again every second: {}", e.getMessage());
                    failing = true;
                }
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    private void hand(FeedCursor read, List<EventSubscriber.Outgoing> outgoing) {
        synchronized (lock) {
            head = read;
            for (EventSubscriber.Outgoing next : outgoing) {
                live.removeIf(subscriber -> !subscriber.offer(next));
            }
        }
    }

    /**
     * The standing run listener of the runs this server executes: a change wakes the poller (the store has it
     * already), a line of output waits for the next poll.
     */
    RunListener runListener() {
        return new RunListener() {
            @Override
            public void changed(Change change) {
                LockSupport.unpark(poller);
            }

            @Override
            public void output(String stepId, String line) {
            }

            @Override
            public RunListener forRun(String runId) {
                return new RunListener() {
                    @Override
                    public void changed(Change change) {
                        LockSupport.unpark(poller);
                    }

                    @Override
                    public void output(String stepId, String line) {
                        lines.add(runId, stepId, line);
                    }
                };
            }
        };
    }

    /** Stops polling and ends every client's stream. */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(poller);
        every.forEach(EventSubscriber::stop);
        try {
            poller.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event as a stream's {@code data}: the record's fields, camelCase. */
    static String data(EventRecord event) {
        return ApiJson.write(event);
    }
}
