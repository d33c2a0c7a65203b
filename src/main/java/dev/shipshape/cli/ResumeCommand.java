package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
import dev.shipshape.engine.ResumeChoice;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.store.Store;
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
            Deployments.Resumed resumed = context.app.deployments(opened).resume(new Deployments.ResumeRequest(runId,
                    resumeChoice(), secretsOption.file, context.actor(), new TerminalWatch(context, output.json())));
            int code = Outcomes.report(context, opened, resumed.outcome(), output.json());
            // As the rollback command ends: exit 4 when the rollback failed.
            return resumed.rollback() && resumed.run().status() == RunStatus.FAILED ? ExitCode.ROLLBACK_FAILED : code;
        }
    }

    private ResumeChoice resumeChoice() {
        if (choice == null) {
            return ResumeChoice.POLICY;
        }
        return choice.rerun ? ResumeChoice.RERUN : ResumeChoice.ROLLBACK;
    }
}
