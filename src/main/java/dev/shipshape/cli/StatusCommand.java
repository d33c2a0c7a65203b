package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Per environment of the runbook: the live version (since when, from which run), the lock and the window. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per environment: the version live there (since when, from which run), the lock, and the"
                + " deployment window (open now, or when it opens next).")
final class StatusCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", description = "Only this environment")
    String environment;

    StatusCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Runbook rb = RunbookFiles.read(context, runbook).runbook();
        List<Environment> chosen = chosen(rb);
        Instant now = context.clock.instant();
        List<EnvironmentStatus> statuses;
        if (!context.storeExists(store.url)) {
            statuses = chosen.stream().map(e -> EnvironmentStatus.of(rb.service(), e, null, now)).toList();
        } else {
            try (Store opened = context.openStore(store.url)) {
                statuses = chosen.stream().map(e -> EnvironmentStatus.of(rb.service(), e, opened.runs(), now)).toList();
            }
        }
        if (output.json()) {
            context.out.println(Json.write(statuses));
        } else {
            context.out.println(rb.service() + " (as of " + RunText.TIME.format(now) + " UTC)");
            statuses.forEach(s -> s.lines().forEach(context.out::println));
        }
        return ExitCode.SUCCEEDED;
    }

    private List<Environment> chosen(Runbook rb) {
        if (environment == null) {
            return List.copyOf(rb.environments().values());
        }
        return List.of(rb.environment(environment).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, "environment '" + environment + "' is not defined in "
                + rb.source() + "; defined: " + String.join(", ", rb.environments().keySet()))));
    }
}
