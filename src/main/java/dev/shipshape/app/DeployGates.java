package dev.shipshape.app;

import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunListener;
import dev.shipshape.gates.check.GateCheck;
import dev.shipshape.gates.GateDecision;
import dev.shipshape.gates.GateLedger;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.checklist.ChecklistRunner;
import dev.shipshape.gates.promotion.AnalysisHistory;
import dev.shipshape.gates.windows.WindowGate;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.gates.Windows;
import dev.shipshape.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The gates of a deploy: evaluated after planning and before the engine takes the lock.
 * Waits for a window when the runbook says so, applies an emergency override, records every
 * decision (who and why), and refuses the run when a gate blocks.
 */
final class DeployGates {

    /** What the gates decided, and the plan to run (with the override's approval stage when one is needed). */
    record Passed(Plan plan, GateReport report) {
    }

    private final Shipshape app;
    private final Store store;
    private final Runbook runbook;
    private final Actor actor;
    private final DeployWatch watch;
    private final java.nio.file.Path secretsFile;

    /**
     * @param secretsFile the secrets file asked for (null for the default): checklist items may use secrets
     * @param watch       told the checklist, a wait for a window and the gates' report as they come
     */
    DeployGates(Shipshape app, Store store, Runbook runbook, java.nio.file.Path secretsFile, Actor actor,
                DeployWatch watch) {
        this.app = app;
        this.secretsFile = secretsFile;
        this.store = store;
        this.runbook = runbook;
        this.actor = actor;
        this.watch = watch;
    }

    /**
     * @param overrideReason the reason of an emergency window override, or null
     * @throws GatesRefused when a gate blocks: the refusal is recorded and nothing starts
     */
    Passed check(Plan plan, String overrideReason) {
        GateReport report = evaluate(plan);
        Optional<Windows> windows = runbook.environment(plan.environment()).flatMap(e -> e.gates().windowsIfAny());
        report = waitForWindow(report, windows);
        if (overrideReason != null && windows.isPresent()) {
            Optional<GateResult> window = report.gate(WindowGate.NAME).filter(GateResult::blocks);
            if (window.isPresent()) {
                report = report.with(new GateResult(WindowGate.NAME, Verdict.OVERRIDDEN, "overridden by "
                        + actor.name() + ": " + overrideReason + " (" + window.get().reason() + ")", null));
                plan = OverrideStage.add(plan, windows.get().override());
            }
        }
        watch.judged(report);
        if (report.verdict() == Verdict.BLOCK) {
            refuse(plan, report);
        }
        return new Passed(plan, report);
    }

    /** Records the decisions on the run as soon as the engine has created it. */
    RunListener recording(Plan plan, GateReport report, RunListener next) {
        GateLedger ledger = store.gates();
        return new RunListener() {
            private boolean recorded;

            @Override
            public void changed(Change change) {
                if (!recorded && !report.results().isEmpty()) {
                    recorded = true;
                    ledger.record(GateDecision.of(report, change.runId(), plan.service(), plan.environment(),
                            plan.version(), actor.name(), app.settings().clock().instant()));
                }
                next.changed(change);
            }

            @Override
            public void output(String stepId, String line) {
                next.output(stepId, line);
            }
        };
    }

    private GateReport evaluate(Plan plan) {
        Shipshape.Settings settings = app.settings();
        ChecklistRunner runner = new ChecklistRunner(settings.env(), plan.workdir(), settings.clock(),
                runbook.people(), app.secrets(secretsFile), settings.processes(), settings.http());
        AnalysisHistory soak = new AnalysisHistory(store.runs(), store.verification());
        GateCheck.Outcome outcome = new GateCheck(soak, runner).evaluate(runbook,
                plan.environment(), plan.version(), settings.clock().instant(),
                new Planner(settings.env()).resolver(runbook, plan.environment(), plan.version(), plan.previousVersion()),
                store.gates().signOffsFor(plan.service(), plan.environment(), plan.version()),
                Checklists.signHint(plan.environment(), plan.version()));
        if (!outcome.items().isEmpty()) {
            watch.checklist(plan.environment(), outcome.items());
        }
        return outcome.report();
    }

    /** Waits (in real time) until the window the gate named opens, then judges the window again at that instant. */
    private GateReport waitForWindow(GateReport report, Optional<Windows> windows) {
        Optional<GateResult> waiting = report.gate(WindowGate.NAME).filter(r -> r.verdict() == Verdict.WAIT);
        if (waiting.isEmpty() || windows.isEmpty()) {
            return report;
        }
        Instant opens = waiting.get().opensAt();
        watch.waitingForWindow(waiting.get());
        java.time.Clock clock = app.settings().clock();
        try {
            app.settings().sleeper().pause(Duration.ofMillis(Math.max(0, Duration.between(clock.instant(), opens)
                    .toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report;
        }
        Instant now = clock.instant().isAfter(opens) ? clock.instant() : opens;
        return report.with(WindowGate.decide(windows.get(), now));
    }

    private void refuse(Plan plan, GateReport report) {
        store.gates().record(GateDecision.of(report, null, plan.service(), plan.environment(), plan.version(),
                actor.name(), app.settings().clock().instant()));
        throw new GatesRefused(report, plan.environment(), plan.version());
    }
}
