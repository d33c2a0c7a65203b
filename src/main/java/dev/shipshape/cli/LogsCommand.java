package dev.shipshape.cli;

import dev.shipshape.app.Runs;
import dev.shipshape.app.StepOutput;
import dev.shipshape.app.StoreAccess;
import dev.shipshape.runbook.Masked;
import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Store;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the captured output of a run's steps, or of one step, or the run's event log; follows a running one. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print captured step output (secrets redacted): all steps, or one by id or name.")
final class LogsCommand implements Callable<Integer> {

    private final Context context;
    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;
    @Parameters(index = "1", arity = "0..1", paramLabel = "STEP", description = "Step id (deploy/1) or name")
    String step;
    @Option(names = "--events", description = "Print the run's event log instead")
    boolean events;
    @Option(names = {"-f", "--follow"}, description = "Keep printing a running step's output as it comes, until the"
            + " step (without STEP: the run) ends")
    boolean follow;
    @Mixin
    Options.StoreOption store;
    @Mixin
    Options.OutputOption output;

    /** {@code logs --output json}: the steps' output, or with {@code --events} the event log. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record LogsView(String runId, List<StepOutput> steps, List<Event> events) {
    }

    record Event(java.time.Instant at, String kind, String subject, String message) {
    }

    LogsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Store opened = context.openStore(store.url)) {
            RunStore runs = opened.runs();
            Runs app = context.app.runs(StoreAccess.of(opened));
            ShowCommand.find(runs, runId);
            if (output.json()) {
                printJson(runs, app);
            } else if (follow) {
                follow(runs, app);
            } else if (events) {
                runs.events(runId).forEach(this::printEvent);
            } else if (step != null) {
                printOutput(app.stepOutput(runId, step).output());
            } else {
                runs.steps(runId).stream().filter(s -> s.attempts() > 0).forEach(s -> {
                    context.out.println("== " + s.stepId() + "  " + Masked.of(s.name()) + "  (" + s.state().label() + ")");
                    printOutput(s.outputTail());
                });
            }
            return ExitCode.SUCCEEDED;
        }
    }

    private void printJson(RunStore runs, Runs app) {
        if (follow) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--follow prints output as it comes"
                    + " and cannot be combined with --output json; leave one out");
        }
        if (events) {
            context.out.println(Json.write(new LogsView(runId, null, runs.events(runId).stream()
                    .map(e -> new Event(e.at(), e.kind(), e.subject(), e.message())).toList())));
            return;
        }
        List<StepOutput> chosen = step != null ? List.of(app.stepOutput(runId, step)) : app.outputs(runId);
        context.out.println(Json.write(new LogsView(runId, chosen, null)));
    }

    private void follow(RunStore runs, Runs app) {
        if (events) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "--follow follows step output and"
                    + " cannot be combined with --events; leave one out");
        }
        FollowedOutput followed = new FollowedOutput(runs, runId, context.out, context.clock);
        if (step == null) {
            followed.run();
        } else {
            String id = app.stepOutput(runId, step).id();
            followed.step(s -> s.stepId().equals(id));
        }
    }

    private void printOutput(String tail) {
        if (tail != null && !tail.isEmpty()) {
            context.out.print(tail.endsWith("\n") ? tail : tail + "\n");
        }
        context.out.flush();
    }

    private void printEvent(EventRecord e) {
        context.out.println(RunText.TIME.format(e.at()) + "  " + e.kind() + (e.subject() != null ? "  " + e.subject() : "")
                + (e.message() != null ? "  " + e.message() : ""));
    }
}
