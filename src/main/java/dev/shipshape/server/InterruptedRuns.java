package dev.shipshape.server;

import dev.shipshape.app.RunPage;
import dev.shipshape.app.RunQuery;
import dev.shipshape.app.RunSummary;
import dev.shipshape.app.Shipshape;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.ProcessIdentity;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs a server resumes when it starts: running or rolling back, while no engine runs them. A run's engine is
 * gone when the environment's lock is no longer its own, or is its own but ran out or is held by a process of this
 * host that no longer exists, or by this very process that executes it no more. A halted run waits for a person;
 * a run whose lock another live process holds is that process's.
 */
final class InterruptedRuns {

    private InterruptedRuns() {
    }

    static List<RunRecord> in(Shipshape app, Store store, Set<String> executingHere) {
        Instant now = app.settings().clock().instant();
        List<RunRecord> found = new ArrayList<>();
        for (RunStatus status : List.of(RunStatus.RUNNING, RunStatus.ROLLING_BACK)) {
            for (RunSummary summary : all(app, store, status)) {
                if (executingHere.contains(summary.id())) {
                    continue;
                }
                RunRecord run = store.runs().run(summary.id()).orElseThrow();
                if (engineGone(run, store.runs().lock(run.service(), run.environment()), now)) {
                    found.add(run);
                }
            }
        }
        return found;
    }

    static boolean engineGone(RunRecord run, Optional<EnvLock> lock, Instant now) {
        if (lock.isEmpty()) {
            return true;
        }
        EnvLock held = lock.get();
        if (!held.runId().equals(run.runId())) {
            return false;
        }
        return held.expiredAt(now) || ProcessIdentity.isDeadLocalProcess(held.holder())
                || held.holder().equals(ProcessIdentity.holder());
    }

    private static List<RunSummary> all(Shipshape app, Store store, RunStatus status) {
        List<RunSummary> runs = new ArrayList<>();
        RunQuery query = new RunQuery(null, null, status.label(), null, null, null, RunQuery.MAX_LIMIT, null);
        RunPage page = app.runs(StoreAccess.of(store)).list(query);
        runs.addAll(page.runs());
        while (page.nextCursor() != null) {
            page = app.runs(StoreAccess.of(store)).list(query.after(page.nextCursor()));
            runs.addAll(page.runs());
        }
        return runs;
    }
}
