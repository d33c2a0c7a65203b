package dev.shipshape.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.app.Schedules;
import dev.shipshape.runbook.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code shipshape schedule}: the runbook's schedules with their next times; {@code run-due} runs what is due. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"List the runbook's schedules (schedules:) with their next times and last runs.",
                "Run what is due with: shipshape schedule run-due [--env ENV] (from cron, e.g. every 5 minutes)."},
        subcommands = ScheduleRunDueCommand.class)
final class ScheduleCommand implements Callable<Integer> {

    private static final String ROW = "%-28s %-48s %-24s %s";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");

    private final Context context;
    @Mixin
    Options.RunbookFile runbook;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    /** A schedule as machines read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ScheduleView(String schedule, String procedure, String environment, String when, Instant next,
                        boolean due, Instant lastDue, String lastRun, String note) {
    }

    ScheduleCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunbookFiles.Loaded loaded = RunbookFiles.read(context, runbook);
        List<Schedules.Listed> listed = context.app.schedules().list(loaded.runbook(), context.app.store(store.url));
        if (output.json()) {
            context.out.println(Json.write(listed.stream().map(ScheduleCommand::view).toList()));
        } else if (listed.isEmpty()) {
            context.out.println("no schedules in " + RunbookFiles.shown(context, loaded.path())
                    + "; add them under schedules:, e.g. - {procedure: dr-drill, environment: staging, every: quarter}");
        } else {
            context.out.println(String.format(ROW, "SCHEDULE", "WHEN", "NEXT", "LAST").stripTrailing());
            listed.forEach(l -> context.out.println(String.format(ROW, l.schedule().key(), l.schedule().text(),
                    next(l), last(l)).stripTrailing()));
        }
        return ExitCode.SUCCEEDED;
    }

    private static String next(Schedules.Listed l) {
        return l.next() == null ? "none within 5 years" : shown(l.next(), l.schedule().zone())
                + (l.due() ? " (due)" : "");
    }

    private static String last(Schedules.Listed l) {
        if (l.last() == null) {
            return "-";
        }
        if (l.last().runId() != null) {
            return "run " + l.last().runId();
        }
        return l.last().note() != null ? "could not start: " + l.last().note() : "none yet (first seen "
                + shown(l.last().due(), l.schedule().zone()) + ")";
    }

    /** An instant in the schedule's zone: {@code 2027-01-04 03:00 UTC}. */
    static String shown(Instant at, ZoneId zone) {
        return at == null ? "-" : SHOWN.format(at.atZone(zone));
    }

    private static ScheduleView view(Schedules.Listed l) {
        Schedule s = l.schedule();
        return new ScheduleView(s.key(), s.procedure(), s.environment(), s.text(), l.next(), l.due(),
                l.last() == null ? null : l.last().due(), l.last() == null ? null : l.last().runId(),
                l.last() == null ? null : l.last().note());
    }
}
