package dev.shipshape.steps.waituntil;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.steps.kit.Waiting;
import dev.shipshape.http.Deadline;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.postgres.DatabaseAddress;
import dev.shipshape.postgres.QueryCheck;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.SqlCheck;
import dev.shipshape.runbook.StepOptions;
import dev.shipshape.runbook.WaitUntilStep;
import dev.shipshape.steps.http.HttpStepExecutor;
import dev.shipshape.steps.kit.StepServices;
import dev.shipshape.steps.shell.ShellStepExecutor;
import dev.shipshape.time.Ticks;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Polls a {@code wait_until} condition every interval until it holds enough times in a row or time runs out. */
final class WaitUntilStepExecutor {

    /** One look at the condition: whether it held, and what was seen. */
    private record Look(boolean held, String seen) {
    }

    private final int tailLimitBytes;
    private final ShellStepExecutor shell;
    private final HttpStepExecutor http;

    WaitUntilStepExecutor(StepServices services) {
        this.tailLimitBytes = services.tailLimitBytes();
        this.shell = new ShellStepExecutor(services.processes(), tailLimitBytes);
        this.http = new HttpStepExecutor(services.exchanges(), tailLimitBytes);
    }

    StepResult execute(PlannedStep planned, WaitUntilStep step, StepContext context) {
        OutputTail tail = new OutputTail(tailLimitBytes);
        Duration within = context.timeout() == null || step.within().compareTo(context.timeout()) < 0
                ? step.within() : context.timeout();
        Deadline deadline = Deadline.in(within);
        int polls = 0;
        int inARow = 0;
        String last = "not looked yet";
        while (!context.isCancelled()) {
            long started = Ticks.SYSTEM.nanos();
            Look look = look(planned, step, withTimeout(context, deadline.left()));
            if (context.isCancelled()) {
                break;
            }
            polls++;
            last = look.seen();
            inARow = look.held() ? inARow + 1 : 0;
            tail.appendLine("poll " + polls + ": " + (look.held() ? "holds" : "false") + ": " + last);
            context.output().accept("poll " + polls + ": " + (look.held() ? "holds" : "false") + ": " + last);
            if (inARow >= step.successes()) {
                return StepResult.success(null, "holds after " + polls + (polls == 1 ? " poll" : " polls") + ": "
                        + last, tail.text(), tail.size());
            }
            long next = started + step.interval().toNanos();
            if (next - deadline.atNanos() >= 0 || !Waiting.until(next, deadline.atNanos(), context)) {
                break;
            }
        }
        if (context.isCancelled()) {
            return StepResult.cancelled("cancelled", tail.text(), tail.size());
        }
        return StepResult.failure(null, "still false after " + Durations.format(within) + " (" + polls
                + (polls == 1 ? " poll" : " polls") + "): " + last, tail.text(), tail.size());
    }

    private Look look(PlannedStep planned, WaitUntilStep step, StepContext context) {
        return switch (step.condition()) {
            case WaitUntilStep.Command command -> {
                StepResult result = shell.execute(planned.id(), new RunStep(command.run(), Map.of(), null,
                        List.of(), StepOptions.defaults()), quiet(context));
                yield new Look(result.succeeded(), result.exitCode() != null ? "exit " + result.exitCode()
                        : result.message());
            }
            case WaitUntilStep.Request request -> {
                StepResult result = http.execute(request.request(), quiet(context));
                yield new Look(result.succeeded(), result.message());
            }
            case WaitUntilStep.Query query -> query(step, query, context);
        };
    }

    private static Look query(WaitUntilStep step, WaitUntilStep.Query query, StepContext context) {
        try (Connection c = DatabaseAddress.of(step.target().settings(), context.secrets()).connect()) {
            QueryCheck.Outcome outcome = QueryCheck.run(c, new SqlCheck(context.secrets().reveal(query.sql()), null,
                    "true"));
            return new Look(outcome.passed(), context.secrets().redact(outcome.reason()));
        } catch (ShipshapeException | java.sql.SQLException e) {
            return new Look(false, context.secrets().redact(String.valueOf(e.getMessage()).lines().findFirst().orElse("query failed")));
        }
    }

    /** Each look gets what is left of the step's time; its own output is summed up in the poll line. */
    private static StepContext withTimeout(StepContext c, Duration left) {
        return new StepContext(c.runId(), c.workdir(), left.isNegative() ? Duration.ZERO : left, c.secrets(),
                c.output(), c.cancelled(), c.started());
    }

    private static StepContext quiet(StepContext c) {
        return new StepContext(c.runId(), c.workdir(), c.timeout(), c.secrets(), line -> { }, c.cancelled(),
                c.started());
    }
}
