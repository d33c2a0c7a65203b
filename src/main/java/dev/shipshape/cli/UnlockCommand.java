package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
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

    /** {@code unlock --output json}; {@code heldBy} is absent when the environment was not locked. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Unlocked(String service, String environment, boolean unlocked, HeldBy heldBy, String reason,
                    String message) {
    }

    record HeldBy(String runId, String holder) {
    }

    UnlockCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Runbook rb = RunbookFiles.read(context, runbook).runbook();
        try (Store opened = context.openStore(store.url)) {
            Deployments.Unlocked unlocked = context.app.deployments(opened).unlock(new Deployments.UnlockRequest(rb,
                    environment, reason, force, context.actor()));
            context.out.println(output.json() ? Json.write(new Unlocked(unlocked.service(), environment,
                    unlocked.removed().isPresent(), unlocked.removed().map(l -> new HeldBy(l.runId(), l.holder()))
                    .orElse(null), reason, unlocked.message())) : unlocked.message());
            return ExitCode.SUCCEEDED;
        }
    }
}
