package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.RunStore;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.store.Store;
import java.util.Optional;
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
        String service = rb.service();
        if (rb.environment(environment).isEmpty()) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "environment '" + environment
                    + "' is not defined in " + rb.source() + "; defined: " + String.join(", ",
                    rb.environments().keySet()));
        }
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            runs.lock(service, environment).filter(l -> !force && EnvironmentStatus.alive(l, context.clock.instant()))
                    .ifPresent(this::refuse);
            Optional<EnvLock> removed = runs.forceUnlock(service, environment, context.user(), reason,
                    context.clock.instant());
            String message = removed.map(l -> "unlocked " + environment + " of " + service + " (was held by run "
                    + l.runId() + ", " + l.holder() + "); recorded on that run")
                    .orElse(environment + " of " + service + " was not locked");
            context.out.println(output.json() ? Json.write(new Unlocked(service, environment, removed.isPresent(),
                    removed.map(l -> new HeldBy(l.runId(), l.holder())).orElse(null), reason, message)) : message);
            return ExitCode.SUCCEEDED;
        }
    }

    private void refuse(EnvLock held) {
        long seconds = Math.max(1, java.time.Duration.between(context.clock.instant(), held.expiresAt()).toSeconds());
        throw new ShipshapeException(ShipshapeException.Code.LOCKED, environment + " of " + held.service()
                + " is held by run " + held.runId() + " (process " + held.holder() + "), which is alive (lease renewed,"
                + " ends in " + seconds + "s); cancel it with: shipshape cancel " + held.runId() + " --reason \"...\","
                + " or take the lock anyway with --force (that run then rolls back)");
    }
}
