package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.CancelSignal;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;
import java.nio.file.Path;
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
            RunRecord run = ShowCommand.find(runs, runId);
            if (run.procedure().equals("rollback")) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "run " + runId + " is a rollback;"
                        + " a rollback is not resumed but started again: shipshape rollback --env " + run.environment()
                        + " --to " + run.previousVersion() + " --reason ...");
            }
            Runbook rb = RunbookFiles.parse(context, Path.of(run.runbookPath()), run.runbookText());
            Plan plan = new Planner(context.env).deploy(rb, run.environment(), run.version(), run.previousVersion());
            if (runs.stages(runId).stream().anyMatch(s -> s.stage().equals(OverrideStage.NAME))) {
                plan = OverrideStage.add(plan, OverrideStage.of(rb, run.environment()).orElseThrow());
            }
            var secrets = secretsOption.forPlan(context, plan);
            CancelSignal signal = new CancelSignal();
            Interrupts.cancelOnCtrlC(signal, context.user(), context.err);
            RunListener listener = output.json() ? RunListener.NONE : new LiveProgress(context.out, context.terminal, plan);
            RunOutcome outcome = context.engine(opened).resume(runId, plan, secrets, resumeChoice(), listener,
                    signal);
            Rollbacks.keepIfRolledBack(context, opened, outcome);
            return Outcomes.report(context, opened, outcome, output.json());
        }
    }

    private ResumeChoice resumeChoice() {
        if (choice == null) {
            return ResumeChoice.POLICY;
        }
        return choice.rerun ? ResumeChoice.RERUN : ResumeChoice.ROLLBACK;
    }
}
