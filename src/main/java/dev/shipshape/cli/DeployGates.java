package dev.shipshape.cli;

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
import dev.shipshape.secrets.SecretResolver;
import dev.shipshape.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gates of {@code deploy}: evaluated after planning and before the engine takes the lock.
 * Waits for a window when the runbook says so, applies an emergency override, records every
 * decision (who and why), and refuses the run when a gate blocks.
 */
final class DeployGates {

    /** What the gates decided, and the plan to run (with the override's approval stage when one is needed). */
    record Passed(Plan plan, GateReport report) {
    }

    private final Context context;
    private final Store store;
    private final Runbook runbook;
    private final java.io.PrintWriter progress;
    private final java.nio.file.Path secretsFile;

    /**
     * @param secretsFile the {@code --secrets} option (null for the default): checklist items may use secrets
     * @param progress    where gate results and the checklist table go (stderr when stdout carries JSON)
     */
    DeployGates(Context context, Store store, Runbook runbook, java.nio.file.Path secretsFile,
                java.io.PrintWriter progress) {
        this.context = context;
        this.secretsFile = secretsFile;
        this.store = store;
        this.runbook = runbook;
        this.progress = progress;
    }

    /**
     * @param overrideReason the reason of {@code --override-window}, or null
     * @throws RefusedByGates when a gate blocks: the refusal is recorded and nothing starts
     */
    Passed check(Plan plan, String overrideReason) {
        GateReport report = evaluate(plan);
        Optional<Windows> windows = runbook.environment(plan.environment()).flatMap(e -> e.gates().windowsIfAny());
        report = waitForWindow(report, windows);
        if (overrideReason != null && windows.isPresent()) {
            Optional<GateResult> window = report.gate(WindowGate.NAME).filter(GateResult::blocks);
            if (window.isPresent()) {
                report = report.with(new GateResult(WindowGate.NAME, Verdict.OVERRIDDEN, "overridden by "
                        + context.user() + ": " + overrideReason + " (" + window.get().reason() + ")", null));
                plan = OverrideStage.add(plan, windows.get().override());
            }
        }
        GateText.report(report).forEach(progress::println);
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
                            plan.version(), context.user(), context.clock.instant()));
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
        ChecklistRunner runner = new ChecklistRunner(context.env, plan.workdir(), context.clock, runbook.people(),
                new SecretResolver(context.env, context.secretsFile(secretsFile)), context.processes, context.http);
        AnalysisHistory soak = new AnalysisHistory(store.runs(), store.verification());
        GateCheck.Outcome outcome = new GateCheck(soak, runner).evaluate(runbook,
                plan.environment(), plan.version(), context.clock.instant(),
                new Planner(context.env).resolver(runbook, plan.environment(), plan.version(), plan.previousVersion()),
                store.gates().signOffs(plan.service(), plan.environment(), plan.version()),
                ChecklistCommand.signHint(plan.environment(), plan.version()));
        if (!outcome.items().isEmpty()) {
            progress.println("Checklist for " + plan.environment() + ":");
            GateText.table(outcome.items()).forEach(progress::println);
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
        progress.println("waiting for the deployment window: " + waiting.get().reason());
        progress.flush();
        try {
            context.sleeper.pause(Duration.ofMillis(Math.max(0, Duration.between(context.clock.instant(), opens).toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report;
        }
        Instant now = context.clock.instant().isAfter(opens) ? context.clock.instant() : opens;
        return report.with(WindowGate.decide(windows.get(), now));
    }

    private void refuse(Plan plan, GateReport report) {
        store.gates().record(GateDecision.of(report, null, plan.service(), plan.environment(), plan.version(),
                context.user(), context.clock.instant()));
        List<String> lines = new java.util.ArrayList<>(GateText.refusal(report));
        if (report.blocking().stream().anyMatch(r -> r.gate().equals(WindowGate.NAME))) {
            lines.add("  in an emergency: shipshape deploy --env " + plan.environment() + " --version "
                    + plan.version() + " --override-window --reason \"...\"");
        }
        throw new RefusedByGates(report, lines);
    }
}
