package dev.shipshape.cli;

import dev.shipshape.app.EnvironmentStatus;
import dev.shipshape.app.Environments;
import dev.shipshape.runbook.Runbook;
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
        Environments.Statuses statuses = context.app.environments(context.app.store(store.url))
                .status(new Environments.StatusRequest(rb, environment));
        if (output.json()) {
            context.out.println(Json.write(statuses.environments()));
        } else {
            context.out.println(rb.service() + " (as of " + RunText.TIME.format(statuses.at()) + " UTC)");
            statuses.environments().forEach(s -> lines(s).forEach(context.out::println));
        }
        return ExitCode.SUCCEEDED;
    }

    private static List<String> lines(EnvironmentStatus status) {
        EnvironmentStatus.Live live = status.live();
        EnvironmentStatus.Lock lock = status.lock();
        EnvironmentStatus.Window window = status.window();
        return List.of(status.environment() + ":",
                "  live:    " + (live == null ? "nothing deployed yet" : live.version() + " since "
                        + RunText.TIME.format(live.since()) + " UTC (" + live.how() + (live.runId() == null ? ""
                        : ", run " + live.runId()) + ")"),
                "  lock:    " + (lock == null ? "free" : "held by run " + lock.runId() + " (" + lock.holder() + "), "
                        + (lock.alive() ? "lease alive until " : "lease expired at ")
                        + RunText.TIME.format(lock.expiresAt()) + " UTC"),
                "  window:  " + (window.open() ? "open now: " : "closed: ") + window.reason());
    }
}
