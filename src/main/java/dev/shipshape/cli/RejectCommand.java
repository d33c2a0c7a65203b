package dev.shipshape.cli;

import dev.shipshape.app.ApprovalDesk;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rejects the approval step a run is waiting at: the step fails with the reason, then the stage's on_failure. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Reject a run waiting at an approval step; it stops with the reason (the stage's on_failure).")
final class RejectCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--reason", required = true, description = "Why (recorded, and the run's failure reason)")
    String reason;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Mixin
    Options.ServerOption server;

    RejectCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var remote = dev.shipshape.remote.ServerAddress.of(server.url, context.env);
        if (remote.isPresent()) {
            ApproveCommand.print(context, ApproveCommand.decided(new dev.shipshape.remote.ApiClient(remote.get(),
                    context.http).decide(runId, false, reason)), output.json());
            return ExitCode.SUCCEEDED;
        }
        try (Store opened = context.openStore(store.url)) {
            ApprovalDesk.Decided decided = context.app.approvals(opened).decide(new ApprovalDesk.DecisionRequest(
                    runId, false, reason, context.actor()));
            ApproveCommand.print(context, decided, output.json());
            return ExitCode.SUCCEEDED;
        }
    }
}
