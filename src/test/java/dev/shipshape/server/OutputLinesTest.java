package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.EventRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Where a line of step output is sent among the store's events: before the first of its run recorded after it. */
class OutputLinesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final OutputLines lines = new OutputLines(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    private void at(long millis) {
        now.set(T0.plusMillis(millis));
    }

    private static EventRecord event(long seq, String runId, long millis, String kind) {
        return new EventRecord(seq, runId, T0.plusMillis(millis), kind, "deploy/1", kind);
    }

    private static List<String> shown(List<EventSubscriber.Outgoing> merged) {
        return merged.stream().map(next -> switch (next) {
            case EventSubscriber.Stored stored -> stored.event().runId() + " " + stored.event().kind();
            case EventSubscriber.Output output -> output.runId() + " output " + output.line();
        }).toList();
    }

    @Test
    void aLineGoesBeforeTheFirstEventOfItsRunRecordedAfterItAndAfterTheOthers() {
        at(10);
        lines.add("r-1", "deploy/1", "last line");
        lines.add("r-2", "deploy/1", "other run");

        List<EventSubscriber.Outgoing> merged = lines.merge(List.of(event(1, "r-1", 5, "step.running"),
                event(2, "r-2", 12, "step.succeeded"), event(3, "r-1", 20, "step.succeeded")), T0.plusMillis(30));

        assertThat(shown(merged)).containsExactly("r-1 step.running", "r-2 output other run", "r-2 step.succeeded",
                "r-1 output last line", "r-1 step.succeeded");
    }

    @Test
    void aLineInTheMillisecondOfItsStepsEndGoesBeforeTheEndAndOneInTheMillisecondOfItsStartAfterTheStart() {
        now.set(T0.plusNanos(5_400_000));
        lines.add("r-1", "deploy/1", "first line");
        now.set(T0.plusNanos(9_700_000));
        lines.add("r-1", "deploy/1", "last line");

        List<EventSubscriber.Outgoing> merged = lines.merge(List.of(event(1, "r-1", 5, "step.running"),
                event(2, "r-1", 9, "step.succeeded")), T0.plusMillis(30));

        assertThat(shown(merged)).containsExactly("r-1 step.running", "r-1 output first line",
                "r-1 output last line", "r-1 step.succeeded");
    }

    @Test
    void linesWithNoLaterEventOfTheirRunFollowTheBatchInTheOrderTheyCame() {
        at(10);
        lines.add("r-1", "deploy/1", "a");
        lines.add("r-1", "deploy/1", "a");
        lines.add("r-1", "deploy/1", "b");

        assertThat(shown(lines.merge(List.of(event(1, "r-1", 5, "step.running")), T0.plusMillis(30))))
                .containsExactly("r-1 step.running", "r-1 output a", "r-1 output a", "r-1 output b");
        assertThat(lines.merge(List.of(), T0.plusMillis(40))).isEmpty();
    }

    @Test
    void aLineThatCameAfterThePollStartedWaitsForTheNextPoll() {
        at(50);
        lines.add("r-1", "deploy/1", "late");

        assertThat(shown(lines.merge(List.of(event(1, "r-1", 5, "step.running")), T0.plusMillis(40))))
                .containsExactly("r-1 step.running");
        assertThat(shown(lines.merge(List.of(event(2, "r-1", 60, "step.succeeded")), T0.plusMillis(70))))
                .containsExactly("r-1 output late", "r-1 step.succeeded");
    }
}
