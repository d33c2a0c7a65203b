package dev.shipshape.cli;

import dev.shipshape.app.ApprovalDesk;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Approves the approval step a run is waiting at, as SHIPSHAPE_USER (or the OS user). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a run waiting at an approval step (as SHIPSHAPE_USER, or the OS user).",
                "The person who started the run cannot approve it."})
final class ApproveCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--comment", description = "Recorded with the approval")
    String comment;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    ApproveCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            ApprovalDesk.Decided decided = context.app.approvals(opened).decide(new ApprovalDesk.DecisionRequest(
                    runId, true, comment, context.actor()));
            print(context, decided, output.json());
            return ExitCode.SUCCEEDED;
        }
    }

    /** The decision as text or JSON (reject prints it the same way). */
    static void print(Context context, ApprovalDesk.Decided decided, boolean json) {
        context.out.println(json ? Json.write(decided) : decided.decision() + " run " + decided.runId() + " at "
                + decided.stepId() + " as " + decided.by()
                + (decided.standing() == null ? "" : " (" + decided.standing() + ")"));
    }
}
