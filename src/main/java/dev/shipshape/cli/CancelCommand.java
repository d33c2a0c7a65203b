package dev.shipshape.cli;

import dev.shipshape.app.Deployments;
import dev.shipshape.store.Store;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Asks a run (possibly in another terminal) to stop; it stops its step and rolls back per policy. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Stop a run from another terminal: its current step stops and rollback runs per policy.")
final class CancelCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Option(names = "--reason", required = true, description = "Why (recorded)")
    String reason;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Mixin
    Options.ServerOption server;

    /**
     * {@code cancel --output json}.
     *
     * @param outcome {@code requested} (the run stops its step and rolls back per policy) or {@code recorded_failed}
     *                (the run was halted, so nothing runs it: it is now recorded as failed)
     */
    record Cancelled(String runId, String outcome, String reason, String message) {
    }

    CancelCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var remote = dev.shipshape.remote.ServerAddress.of(server.url, context.env);
        if (remote.isPresent()) {
            var answer = new dev.shipshape.remote.ApiClient(remote.get(), context.http).cancel(runId, reason);
            context.out.println(output.json() ? Json.write(new Cancelled(runId, answer.path("outcome").asText(),
                    reason, answer.path("message").asText())) : answer.path("message").asText());
            return ExitCode.SUCCEEDED;
        }
        try (Store opened = context.openStore(store.url)) {
            Deployments.Cancelled cancelled = context.app.deployments(opened).cancel(new Deployments.CancelRequest(
                    runId, reason, context.actor()));
            String outcome = cancelled.outcome().name().toLowerCase(Locale.ROOT);
            context.out.println(output.json() ? Json.write(new Cancelled(runId, outcome, reason, cancelled.message()))
                    : cancelled.message());
            return ExitCode.SUCCEEDED;
        }
    }
}
