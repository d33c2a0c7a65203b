package dev.shipshape.cli;

import dev.shipshape.app.RunSummary;
import dev.shipshape.app.Runs;
import dev.shipshape.engine.RunRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists recorded runs, newest first, with their procedure; a rollback as from -> to. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recorded runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Option(names = "--env", description = "Only this environment")
    String environment;
    @Option(names = "--service", description = "Only this service")
    String service;
    @Option(names = "--limit", defaultValue = "20", description = "At most this many (default: ${DEFAULT-VALUE})")
    int limit;

    private static final String ROW = "%-20s %-14s %-12s %-18s %-16s %-10s %-19s %s";

    RunsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<RunRecord> runs = context.app.runs(context.app.store(store.url)).list(new Runs.ListRequest(service,
                environment, limit));
        if (output.json()) {
            context.out.println(Json.write(runs.stream().map(RunSummary::of).toList()));
        } else if (runs.isEmpty()) {
            context.out.println("no runs recorded yet; start one with: shipshape deploy --env ENV --version VERSION");
        } else {
            context.out.println(String.format(ROW, "RUN", "SERVICE", "ENV", "VERSION", "STATUS", "PROCEDURE",
                    "STARTED (UTC)", "BY"));
            runs.forEach(r -> context.out.println(String.format(ROW, r.runId(), r.service(), r.environment(),
                    versions(r), r.status().label(), r.kindLabel(), RunText.TIME.format(r.createdAt()), r.startedBy())));
        }
        return ExitCode.SUCCEEDED;
    }

    /** A rollback run goes from its version back to another: {@code v1.6.0 -> v1.4.3}. */
    private static String versions(RunRecord run) {
        if (run.isProcedure()) {
            return "-";
        }
        return run.procedure().equals("rollback") ? run.version() + " -> " + run.previousVersion() : run.version();
    }
}
