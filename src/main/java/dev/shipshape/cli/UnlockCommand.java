package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
import dev.shipshape.app.UnlockReport;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Removes an environment's lock by hand, recording who and why; a live run's lock only with --force. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Remove the lock of an environment (recorded with your name and reason).",
                "A lock whose run is alive (its lease is renewed) is refused unless --force: that run then stops."})
final class UnlockCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", required = true, description = "Environment to unlock")
    String environment;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;
    @Option(names = "--force", description = "Take the lock from a run that is still alive (it then rolls back)")
    boolean force;

    UnlockCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Runbook rb = RunbookFiles.read(context, runbook).runbook();
        try (Store opened = context.openStore(store.url)) {
            Deployments.Unlocked unlocked = context.app.deployments(opened).unlock(new Deployments.UnlockRequest(rb,
                    environment, reason, force, context.actor()));
            context.out.println(output.json() ? Json.write(UnlockReport.of(unlocked, reason)) : unlocked.message());
            return ExitCode.SUCCEEDED;
        }
    }
}
