package dev.shipshape.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.testkit.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server runs the services' schedules when they are due, once per due time, audited as the scheduler's. */
class ScheduledRunsTest {

    @TempDir
    Path folder;
    ServerKit kit;

    @AfterEach
    void stop() {
        kit.close();
    }

    @Test
    void aDueScheduleRunsItsProcedureOnceAndTheNextDueTimeAgain() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-05-20T12:00:00Z"));
        Files.createDirectories(folder.resolve("shop"));
        Files.writeString(folder.resolve("shop/shipshape.yaml"), """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo ${version}
                procedures:
                  dr-drill:
                    description: restore the latest backup on a scratch server
                    steps:
                      - run: echo drill >> drills
                schedules:
                  - procedure: dr-drill
                    environment: staging
                    every: 7d
                """);
        kit = new ServerKit(folder, false, clock, ServerSettings.DEFAULT_HEARTBEAT, Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(10)).until(() -> kit.store.schedules().last("shop", "dr-drill@staging")
                .isPresent());
        assertThat(Files.exists(folder.resolve("shop/drills"))).isFalse();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(folder.resolve("shop/drills")) == 1
                && finished(kit.store.runs().runs("shop", "staging", 10)));
        Thread.sleep(500); // a few more looks at the same due time
        assertThat(lines(folder.resolve("shop/drills"))).isEqualTo(1);

        clock.advance(Duration.ofDays(7));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(folder.resolve("shop/drills")) == 2);
        List<RunRecord> runs = kit.store.runs().runs("shop", "staging", 10);
        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.procedureName()).isEqualTo("dr-drill"));
        await().atMost(Duration.ofSeconds(10)).until(() -> kit.store.audit().since(null).stream()
                .filter(e -> e.record().action().equals("schedule run")).count() == 2);
        assertThat(kit.store.audit().since(null)).filteredOn(e -> e.record().action().equals("schedule run"))
                .allSatisfy(e -> assertThat(e.record().who()).isEqualTo(ScheduledRuns.SCHEDULER));
    }

    private static boolean finished(List<RunRecord> runs) {
        return !runs.isEmpty() && runs.stream().allMatch(run -> run.status().isFinal());
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
