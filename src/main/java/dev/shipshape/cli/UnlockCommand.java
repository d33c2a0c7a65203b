package dev.shipshape.cli;

import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Removes an environment's lock by hand, recording who and why. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Remove the lock of an environment (recorded with your name and reason).")
final class UnlockCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Option(names = "--env", required = true, description = "Environment to unlock")
    String environment;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;

    UnlockCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String service = RunbookFiles.read(context, runbook).runbook().service();
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            Optional<EnvLock> removed = runs.forceUnlock(service, environment, context.user(), reason,
                    context.clock.instant());
            context.out.println(removed.map(l -> "unlocked " + environment + " of " + service + " (was held by run "
                    + l.runId() + ", " + l.holder() + "); recorded on that run")
                    .orElse(environment + " of " + service + " was not locked"));
            return ExitCode.SUCCEEDED;
        }
    }
}
