package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.plan.Plan;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Schedule;
import dev.shipshape.schedules.ScheduleLedger;
import dev.shipshape.schedules.ScheduleTimes;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The runbook's {@code schedules:}: each with its next time, and {@code run-due}, which runs each procedure whose
 * due time has come (for cron). The due time last handled is kept in the store, claimed before the run starts, so
 * that a due time runs once even when two crons call at once; a schedule seen for the first time runs from its next
 * time on, not for the times before it was known. Several missed due times run once. A run refused because the
 * environment is locked is tried again by the next call; one that cannot start for another reason is not.
 */
public final class Schedules {

    /**
     * One schedule as listed: its next due time (null when none within five years; at or before {@code now} when
     * it is due) and what it last did (null when {@code run-due} never saw it).
     */
    public record Listed(Schedule schedule, Instant next, ScheduleLedger.Last last, Instant now) {

        public boolean due() {
            return next != null && !next.isAfter(now);
        }
    }

    /**
     * @param environment only the schedules of this environment, or null for all
     * @param watch       a new watch for each run started
     */
    public record RunDueRequest(Runbooks.Loaded runbook, String environment, Path secretsFile, Actor actor,
                                Supplier<RunWatch> watch) {
    }

    /** What {@code run-due} did with one schedule. */
    public sealed interface Handled {
        Schedule schedule();

        /** Not due yet: when it is. */
        record NotDue(Schedule schedule, Instant next) implements Handled {
        }

        /** Seen for the first time: it runs from its next time on. */
        record FirstSeen(Schedule schedule, Instant next) implements Handled {
        }

        /** Another process claimed this due time first. */
        record TakenElsewhere(Schedule schedule, Instant due) implements Handled {
        }

        /** Its procedure ran for the due time. */
        record Ran(Schedule schedule, Instant due, String runId, RunStatus status) implements Handled {
        }

        /** Its procedure could not start; the due time counts as handled, the next one runs. */
        record CouldNotStart(Schedule schedule, Instant due, String why) implements Handled {
        }
    }

    private final Shipshape app;

    Schedules(Shipshape app) {
        this.app = app;
    }

    /** Every schedule of the runbook with its next time after now, and its last run when the store has one. */
    public List<Listed> list(Runbook runbook, StoreAccess store) {
        Instant now = app.settings().clock().instant();
        List<Listed> listed = new ArrayList<>();
        for (Schedule s : runbook.schedules()) {
            ScheduleLedger.Last last = store.readIfExists(st -> st.schedules().last(runbook.service(), s.key())
                    .orElse(null)).orElse(null);
            Instant after = last == null ? now : last.due();
            listed.add(new Listed(s, ScheduleTimes.next(s, after).orElse(null), last, now));
        }
        return listed;
    }

    /** Runs each schedule (of the environment asked for) whose due time has come, one after another. */
    public List<Handled> runDue(RunDueRequest request, Store store) {
        Runbook runbook = request.runbook().runbook();
        if (request.environment() != null && runbook.environment(request.environment()).isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "no environment named '"
                    + request.environment() + "' in " + request.runbook().path() + "; schedules run in: "
                    + String.join(", ", runbook.schedules().stream().map(Schedule::environment).distinct().toList()));
        }
        List<Handled> handled = new ArrayList<>();
        for (Schedule s : runbook.schedules()) {
            if (request.environment() == null || request.environment().equals(s.environment())) {
                handled.add(handle(s, request, store));
            }
        }
        return handled;
    }

    private Handled handle(Schedule s, RunDueRequest request, Store store) {
        String service = request.runbook().runbook().service();
        ScheduleLedger ledger = store.schedules();
        Instant now = app.settings().clock().instant();
        Optional<ScheduleLedger.Last> last = ledger.last(service, s.key());
        if (last.isEmpty()) {
            ledger.firstSeen(service, s.key(), now);
            return new Handled.FirstSeen(s, ScheduleTimes.next(s, now).orElse(null));
        }
        Instant previous = last.get().due();
        Optional<Instant> due = ScheduleTimes.latestDue(s, previous, now);
        if (due.isEmpty()) {
            return new Handled.NotDue(s, ScheduleTimes.next(s, previous).orElse(null));
        }
        if (!ledger.claim(service, s.key(), previous, due.get())) {
            return new Handled.TakenElsewhere(s, due.get());
        }
        try {
            Plan plan = app.plans(StoreAccess.of(store)).procedure(new Plans.ProcedureRequest(
                    request.runbook().runbook(), s.environment(), s.procedure()));
            String reason = "schedule " + s.key() + " (" + s.text() + ") due " + due.get();
            Deployments.RunResult result = app.deployments(store).runProcedure(new Deployments.ProcedureRequest(plan,
                    request.runbook(), reason, request.secretsFile(), request.actor(), request.watch().get(), false));
            ledger.handled(service, s.key(), result.outcome().runId(), null);
            return new Handled.Ran(s, due.get(), result.outcome().runId(), result.outcome().status());
        } catch (ShipshapeException e) {
            if (e.code() == ShipshapeException.Code.LOCKED && ledger.claim(service, s.key(), due.get(), previous)) {
                return new Handled.CouldNotStart(s, due.get(), e.getMessage() + "; the next run-due tries again");
            }
            ledger.handled(service, s.key(), null, e.getMessage());
            return new Handled.CouldNotStart(s, due.get(), e.getMessage());
        }
    }
}
