package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The environment lock: one run at a time per service and environment, as a renewable lease. */
interface LockContract {

    Instant LEASE_END = T0.plusSeconds(60);

    RunStore store();

    private Optional<EnvLock> take(String runId, Instant now, Instant expiresAt) {
        return store().tryLock("shop", "prod", runId, "host-" + runId + ":42", now, expiresAt);
    }

    private List<String> eventKinds(String runId) {
        return store().events(runId).stream().map(EventRecord::kind).toList();
    }

    @Test
    default void freeLockIsTakenAndRecordedOnTheRun() {
        store().create(SampleRuns.deploy("r-1"));

        assertThat(take("r-1", T0, LEASE_END)).isEmpty();

        assertThat(store().lock("shop", "prod"))
                .contains(new EnvLock("shop", "prod", "r-1", "host-r-1:42", T0, LEASE_END));
        assertThat(eventKinds("r-1")).containsExactly("run.created", "lock.acquired");
        assertThat(store().lock("shop", "test")).isEmpty();
    }

    @Test
    default void lockHeldByAnotherLiveRunIsReturnedAsTheBlocker() {
        take("r-1", T0, LEASE_END);

        Optional<EnvLock> blocker = take("r-2", T0.plusSeconds(59), T0.plusSeconds(120));

        EnvLock held = new EnvLock("shop", "prod", "r-1", "host-r-1:42", T0, LEASE_END);
        assertThat(blocker).contains(held);
        assertThat(store().lock("shop", "prod")).contains(held);
    }

    @Test
    default void expiredLockIsTakenOver() {
        take("r-1", T0, LEASE_END);

        assertThat(take("r-2", LEASE_END, LEASE_END.plusSeconds(60))).isEmpty();

        assertThat(store().lock("shop", "prod")).map(EnvLock::runId).contains("r-2");
    }

    @Test
    default void sameRunTakesItsOwnLockAgain() {
        take("r-1", T0, LEASE_END);

        assertThat(take("r-1", T0.plusSeconds(30), T0.plusSeconds(90))).isEmpty();

        assertThat(store().lock("shop", "prod")).map(EnvLock::expiresAt).contains(T0.plusSeconds(90));
    }

    @Test
    default void onlyTheHolderRenewsTheLease() {
        take("r-1", T0, LEASE_END);

        assertThat(store().renewLock("shop", "prod", "r-1", T0.plusSeconds(120))).isTrue();
        assertThat(store().renewLock("shop", "prod", "r-2", T0.plusSeconds(999))).isFalse();
        assertThat(store().renewLock("shop", "test", "r-1", T0.plusSeconds(999))).isFalse();

        assertThat(store().lock("shop", "prod")).map(EnvLock::expiresAt).contains(T0.plusSeconds(120));
    }

    @Test
    default void unlockFreesTheLockOnlyForItsHolder() {
        store().create(SampleRuns.deploy("r-1"));
        take("r-1", T0, LEASE_END);

        store().unlock("shop", "prod", "r-2");
        assertThat(store().lock("shop", "prod")).isPresent();
        store().unlock("shop", "prod", "r-1");

        assertThat(store().lock("shop", "prod")).isEmpty();
        assertThat(eventKinds("r-1")).containsExactly("run.created", "lock.acquired", "lock.released");
        assertThat(take("r-2", T0.plusSeconds(1), LEASE_END)).isEmpty();
    }

    @Test
    default void forcedUnlockIsRecordedOnTheRunThatHeldTheLock() {
        store().create(SampleRuns.deploy("r-1"));
        take("r-1", T0, LEASE_END);

        Optional<EnvLock> removed = store().forceUnlock("shop", "prod", "carol", "host died", T0.plusSeconds(5));

        assertThat(removed).contains(new EnvLock("shop", "prod", "r-1", "host-r-1:42", T0, LEASE_END));
        assertThat(store().lock("shop", "prod")).isEmpty();
        EventRecord last = store().events("r-1").getLast();
        assertThat(last.kind()).isEqualTo("lock.forced");
        assertThat(last.message()).isEqualTo("carol: host died");
        assertThat(last.at()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    default void forcingAFreeLockRemovesNothing() {
        assertThat(store().forceUnlock("shop", "prod", "carol", "just in case", T0)).isEmpty();
    }

    @Test
    default void exactlyOneOfTwoRacingRunsGetsAFreeLock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String environment = "env-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Optional<EnvLock>>> outcomes = List.of("a", "b").stream()
                        .map(runId -> threads.submit(() -> {
                            start.await();
                            return store().tryLock("shop", environment, runId, runId, T0, LEASE_END);
                        })).toList();

                List<Optional<EnvLock>> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
                assertThat(results).filteredOn(Optional::isEmpty).as("winners in round " + round).hasSize(1);
                String winner = store().lock("shop", environment).orElseThrow().runId();
                assertThat(results).filteredOn(Optional::isPresent).singleElement()
                        .satisfies(blocker -> assertThat(blocker.orElseThrow().runId()).isEqualTo(winner));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
