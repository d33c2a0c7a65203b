package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.plan.RollbackPlanner;
import dev.shipshape.rollback.RollbackRecords;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.runbook.Runbook;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Continues a run that stopped part-way, from its last recorded state, without repeating finished steps. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run that stopped (crash, kill, halt) from its last checkpoint.")
final class ResumeCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @ArgGroup(exclusive = true)
    Choice choice;
    @Mixin
    Options.SecretsOption secretsOption;

    /** What to do with an interrupted step that is not idempotent. */
    static final class Choice {
        @Option(names = "--rerun", description = "Run the interrupted step again (you checked it is safe)")
        boolean rerun;
        @Option(names = "--rollback", description = "Treat the interrupted step as failed and roll back")
        boolean rollback;
    }

    ResumeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            // Checked before secrets are looked up, so a finished run is named as such first.
            RunRecord run = ShowCommand.find(runs, runId).requireUnfinished();
            Runbook rb = RunbookFiles.parse(context, Path.of(run.runbookPath()), run.runbookText());
            Optional<RollbackPlanner.Type> rollback = rollbackType(runs, rb, run);
            Plan plan = rollback.isPresent()
                    ? new RollbackPlanner(context.env).plan(rb, run.environment(), run.version(), run.previousVersion(),
                    rollback.get(), LiveRunBackup.of(context, runs, rb, run.environment(), runId))
                    : run.isProcedure() ? new Planner(context.env).procedure(rb, run.environment(), run.procedureName())
                    : deployPlan(runs, rb, run);
            var secrets = secretsOption.forPlan(context, plan);
            RunListener listener = output.json() ? RunListener.NONE : LiveProgress.of(context, plan);
            RunOutcome outcome = Interrupts.cancellable(context, signal -> context.engine(opened).resume(runId, plan,
                    secrets, resumeChoice(), listener, signal));
            if (rollback.isPresent()) {
                return rollbackEnded(opened, outcome, rollback.get());
            }
            Rollbacks.keepIfRolledBack(context, opened, outcome);
            return Outcomes.report(context, opened, outcome, output.json());
        }
    }

    private Plan deployPlan(RunStore runs, Runbook rb, RunRecord run) {
        Plan plan = new Planner(context.env).deploy(rb, run.environment(), run.version(), run.previousVersion());
        if (runs.stages(runId).stream().anyMatch(s -> s.stage().equals(OverrideStage.NAME))) {
            plan = OverrideStage.add(plan, OverrideStage.of(rb, run.environment()).orElseThrow());
        }
        return plan;
    }

    /** A rollback run is planned again as the rollback it was: same runbook text, versions and stages. */
    private Optional<RollbackPlanner.Type> rollbackType(RunStore runs, Runbook rb, RunRecord run) {
        if (!run.procedure().equals("rollback")) {
            return Optional.empty();
        }
        var stages = runs.stages(runId).stream().map(s -> s.stage()).toList();
        return Optional.of(new RollbackPlanner(context.env).typeOf(rb, run.environment(), run.version(),
                run.previousVersion(), stages).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, "cannot plan rollback run " + runId + " again: its stages ("
                + String.join(", ", stages) + ") match no rollback of its runbook; start a new one: shipshape"
                + " rollback --env " + run.environment() + " --to " + run.previousVersion() + " --reason ...")));
    }

    /** As the rollback command ends: a record once the rollback is over, and exit 4 when it failed. */
    private int rollbackEnded(Store opened, RunOutcome outcome, RollbackPlanner.Type type) {
        RunRecord run = opened.runs().run(runId).orElseThrow();
        if (run.status().isFinal()) {
            Rollbacks.keep(context, opened, RollbackRecords.ofRollbackRun(run, opened.runs().steps(runId),
                    type.name().toLowerCase(Locale.ROOT), "interrupted rollback resumed by " + context.user()));
        }
        int code = Outcomes.report(context, opened, outcome, output.json());
        return run.status() == RunStatus.FAILED ? ExitCode.ROLLBACK_FAILED : code;
    }

    private ResumeChoice resumeChoice() {
        if (choice == null) {
            return ResumeChoice.POLICY;
        }
        return choice.rerun ? ResumeChoice.RERUN : ResumeChoice.ROLLBACK;
    }
}
