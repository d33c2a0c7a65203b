package dev.shipshape.cli;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists recorded runs, newest first. */
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

    RunsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<RunRecord> runs;
        if (!context.storeExists(store.url)) {
            runs = List.of();
        } else {
            try (Store opened = context.openStore(store.url)) {
            RunStore s = opened.runs();
                runs = s.runs(service, environment, limit);
            }
        }
        if (output.json()) {
            context.out.println(RunView.json(runs.stream().map(RunView::summary).toList()));
        } else if (runs.isEmpty()) {
            context.out.println("no runs recorded yet; start one with: shipshape deploy --env ENV --version VERSION");
        } else {
            context.out.println(String.format("%-20s %-14s %-12s %-12s %-16s %-19s %s", "RUN", "SERVICE", "ENV",
                    "VERSION", "STATUS", "STARTED (UTC)", "BY"));
            runs.forEach(r -> context.out.println(String.format("%-20s %-14s %-12s %-12s %-16s %-19s %s", r.runId(),
                    r.service(), r.environment(), r.version(), r.status().label(), RunText.TIME.format(r.createdAt()),
                    r.startedBy())));
        }
        return ExitCode.SUCCEEDED;
    }
}
