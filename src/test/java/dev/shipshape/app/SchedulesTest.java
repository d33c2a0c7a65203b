package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedules use case: next times, and run-due running each due time once, also when called twice at once. */
class SchedulesTest {

    private static final Actor CRON = Actor.server("cron", "127.0.0.1");
    private static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages: [{name: deploy, steps: [{run: echo deploy}]}]
            procedures:
              dr-drill:
                description: restore the latest backup elsewhere
                steps:
                  - run: echo drill >> drills
            schedules:
              - {procedure: dr-drill, environment: staging, every: month, at: "03:00"}
            """;

    @TempDir
    Path folder;

    private Schedules.RunDueRequest request(Runbooks.Loaded runbook) {
        return new Schedules.RunDueRequest(runbook, null, null, CRON, () -> RunWatch.NONE);
    }

    private void at(AppKit kit, String instant) {
        kit.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aScheduleFirstSeenRunsAtItsNextTimeAndTwoCallsAtOnceRunItOnce() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        at(kit, "2026-05-20T12:00:00Z");
        try (Store store = kit.store()) {
            List<Schedules.Handled> first = kit.app().schedules().runDue(request(runbook), store);
            at(kit, "2026-06-01T03:01:00Z");
            Schedules schedules = kit.app().schedules();
            var one = CompletableFuture.supplyAsync(() -> schedules.runDue(request(runbook), store));
            var two = CompletableFuture.supplyAsync(() -> schedules.runDue(request(runbook), store));
            List<Schedules.Handled> both = Stream.of(one.get(), two.get()).flatMap(List::stream).toList();

            assertThat(first).singleElement().isEqualTo(new Schedules.Handled.FirstSeen(
                    runbook.runbook().schedules().getFirst(), Instant.parse("2026-06-01T03:00:00Z")));
            assertThat(both).filteredOn(h -> h instanceof Schedules.Handled.Ran).singleElement()
                    .extracting(h -> ((Schedules.Handled.Ran) h).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(Files.readAllLines(folder.resolve("drills"))).containsExactly("drill");
            assertThat(kit.app().schedules().list(runbook.runbook(), StoreAccess.of(store))).singleElement()
                    .satisfies(l -> {
                        assertThat(l.next()).isEqualTo(Instant.parse("2026-07-01T03:00:00Z"));
                        assertThat(l.last().runId()).isNotNull();
                    });
        }
    }

    @Test
    void anEnvironmentWithoutSchedulesIsNamedAsUnknown() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            assertThatThrownBy(() -> kit.app().schedules().runDue(new Schedules.RunDueRequest(runbook, "prod", null,
                    CRON, () -> RunWatch.NONE), store))
                    .isInstanceOf(ShipshapeException.class)
                    .hasMessageContaining("no environment named 'prod'");
        }
    }
}
