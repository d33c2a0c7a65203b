package dev.shipshape.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.app.Schedules;
import dev.shipshape.app.Schedules.Handled;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shipshape schedule run-due}: runs each scheduled procedure whose time has come, once per due time. */
@Command(name = "run-due", mixinStandardHelpOptions = true,
        description = {"Run each scheduled procedure whose due time has come, one after another, for cron. A due time"
                + " runs once (kept in the store); a new schedule runs from its next time on.",
                "Exit: 0 nothing failed, 1 a run failed or could not start, 2 invalid input."})
final class ScheduleRunDueCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;
    @Mixin
    Options.SecretsOption secrets;
    @Option(names = "--env", description = "Only the schedules of this environment")
    String environment;

    /** What became of one schedule, as machines read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HandledView(String schedule, String outcome, Instant due, Instant next, String run, String status,
                       String reason) {
    }

    ScheduleRunDueCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        try (Store opened = context.openStore(store.url)) {
            List<Handled> handled = context.app.schedules().runDue(new Schedules.RunDueRequest(RunbookFiles.of(loaded),
                    environment, secrets.file, context.actor(), () -> new TerminalWatch(context, output.json())), opened);
            if (output.json()) {
                context.out.println(Json.write(handled.stream().map(ScheduleRunDueCommand::view).toList()));
            } else if (handled.isEmpty()) {
                context.out.println("no schedules" + (environment == null ? "" : " in " + environment) + " in "
                        + RunbookFiles.shown(context, loaded.path()));
            } else {
                handled.forEach(h -> context.out.println(line(h)));
            }
            return handled.stream().anyMatch(ScheduleRunDueCommand::failed) ? ExitCode.FAILED : ExitCode.SUCCEEDED;
        }
    }

    private static boolean failed(Handled h) {
        return h instanceof Handled.CouldNotStart
                || h instanceof Handled.Ran ran && ran.status() != RunStatus.SUCCEEDED;
    }

    private static String line(Handled h) {
        String key = h.schedule().key();
        var zone = h.schedule().zone();
        return switch (h) {
            case Handled.NotDue n -> "[wait] " + key + "  not due; next " + ScheduleCommand.shown(n.next(), zone);
            case Handled.FirstSeen f -> "[new]  " + key + "  first seen; runs from "
                    + ScheduleCommand.shown(f.next(), zone);
            case Handled.TakenElsewhere t -> "[skip] " + key + "  due " + ScheduleCommand.shown(t.due(), zone)
                    + " was taken by another run-due";
            case Handled.Ran r -> (r.status() == RunStatus.SUCCEEDED ? "[ok]   " : "[FAIL] ") + key + "  due "
                    + ScheduleCommand.shown(r.due(), zone) + ": run " + r.runId() + " " + r.status().label();
            case Handled.CouldNotStart c -> "[FAIL] " + key + "  due " + ScheduleCommand.shown(c.due(), zone)
                    + ": could not start: " + c.why();
        };
    }

    private static HandledView view(Handled h) {
        String key = h.schedule().key();
        return switch (h) {
            case Handled.NotDue n -> new HandledView(key, "not_due", null, n.next(), null, null, null);
            case Handled.FirstSeen f -> new HandledView(key, "first_seen", null, f.next(), null, null, null);
            case Handled.TakenElsewhere t -> new HandledView(key, "taken_elsewhere", t.due(), null, null, null, null);
            case Handled.Ran r -> new HandledView(key, "ran", r.due(), null, r.runId(), r.status().label(), null);
            case Handled.CouldNotStart c -> new HandledView(key, "could_not_start", c.due(), null, null, null,
                    c.why());
        };
    }
}
