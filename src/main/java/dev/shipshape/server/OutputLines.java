package dev.shipshape.server;

import dev.shipshape.engine.EventRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lines of step output waiting for the hub's next poll, each stamped when it came, so that it is sent in its
 * place among the store's events: before the first event of its run recorded after it. A line that came after
 * the poll started waits for the next one, which reads the events recorded meanwhile. Only the poller takes them.
 */
final class OutputLines {

    /** The most lines waiting; more are not sent (output is ephemeral). */
    static final int MOST = 10_000;

    private record Line(EventSubscriber.Output output, Instant at) {
    }

    private final Clock clock;
    private final Queue<Line> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<Line> held = new ArrayList<>();

    OutputLines(Clock clock) {
        this.clock = clock;
    }

    /** A line a step printed; never blocks the run. */
    void add(String runId, String stepId, String line) {
        if (waiting.incrementAndGet() <= MOST) {
            // the store keeps events' times in milliseconds: a line stamped finer would sort after an event of its
            // own millisecond that was recorded after it
            arrived.add(new Line(new EventSubscriber.Output(runId, stepId, line),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        } else {
            waiting.decrementAndGet();
        }
    }

    /** The time a poll starts reading the store at. */
    Instant now() {
        return clock.instant();
    }

    /**
     * Whether a line goes before an event of its run: it came before the event's millisecond, or in it, unless the
     * event is its own step's start (a step prints between its start and its end).
     */
    private static boolean goesBefore(Line line, EventRecord event) {
        if (line.at().isBefore(event.at())) {
            return true;
        }
        boolean ownStart = (event.kind().equals("step.running") || event.kind().equals("step.process"))
                && line.output().stepId().equals(event.subject());
        return line.at().equals(event.at()) && !ownStart;
    }

    /** The events read by a poll that started at {@code readFrom}, with the lines that came before it in place. */
    List<EventSubscriber.Outgoing> merge(List<EventRecord> events, Instant readFrom) {
        for (Line line = arrived.poll(); line != null; line = arrived.poll()) {
            waiting.decrementAndGet();
            held.add(line);
        }
        List<Line> due = new ArrayList<>();
        held.removeIf(line -> !line.at().isAfter(readFrom) && due.add(line));
        Map<String, Deque<Integer>> byRun = new HashMap<>();
        for (int i = 0; i < due.size(); i++) {
            byRun.computeIfAbsent(due.get(i).output().runId(), r -> new ArrayDeque<>()).add(i);
        }
        boolean[] sent = new boolean[due.size()];
        List<EventSubscriber.Outgoing> merged = new ArrayList<>();
        for (EventRecord event : events) {
            Deque<Integer> lines = byRun.getOrDefault(event.runId(), new ArrayDeque<>());
            while (!lines.isEmpty() && goesBefore(due.get(lines.peek()), event)) {
                int line = lines.poll();
                sent[line] = true;
                merged.add(due.get(line).output());
            }
            merged.add(new EventSubscriber.Stored(event));
        }
        for (int i = 0; i < due.size(); i++) {
            if (!sent[i]) {
                merged.add(due.get(i).output());
            }
        }
        return merged;
    }
}
