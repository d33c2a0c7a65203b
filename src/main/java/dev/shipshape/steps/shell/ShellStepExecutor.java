package dev.shipshape.steps.shell;

import dev.shipshape.engine.SecretCommand;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.processes.LocalProcesses;
import dev.shipshape.processes.Processes;
import dev.shipshape.processes.Spawned;
import dev.shipshape.time.Sleeper;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.engine.OutputTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code run:} step: the command under bash, in its own process group, with its output
 * streamed live and its tail kept. A timeout or cancellation kills the whole process tree.
 */
public final class ShellStepExecutor {

    /** How long to wait for the rest of the output once the command has exited or been killed. */
    private static final Duration OUTPUT_PATIENCE = Duration.ofSeconds(2);

    private static final Pattern OS_REASON = Pattern.compile("error[=:] ?\\d+,? \\(?([^)]+)\\)?");

    private final BashProcess bash;
    private final int tailLimitBytes;

    /** @param tailLimitBytes how much of the output's end a result keeps */
    public ShellStepExecutor(Processes processes, int tailLimitBytes) {
        this(new BashProcess(processes), tailLimitBytes);
    }

    /** On this host's processes. */
    ShellStepExecutor(int tailLimitBytes) {
        this(LocalProcesses.onThisHost(Sleeper.SYSTEM), tailLimitBytes);
    }

    ShellStepExecutor(BashProcess bash, int tailLimitBytes) {
        this.bash = bash;
        this.tailLimitBytes = tailLimitBytes;
    }

    /** Runs the step once; every expected failure is a result, never an exception. */
    public StepResult execute(String stepId, RunStep step, StepContext context) {
        Secrets secrets = context.secrets();
        Path workdir = workdir(step, context);
        if (!Files.isDirectory(workdir)) {
            return StepResult.failure(null,
                    "working directory " + secrets.redact(workdir.toString()) + " does not exist", "", 0);
        }
        SecretCommand command = SecretCommand.of(step.command(), secrets);
        Map<String, String> environment = environment(stepId, step, context);
        environment.putAll(command.environment());
        Spawned process;
        try {
            process = bash.start(command.text(), workdir, environment);
        } catch (IOException e) {
            return StepResult.failure(null, "cannot start " + bash.shell() + ": " + secrets.redact(reason(e)), "", 0);
        }
        record(process, context);
        RunningCommands.add(process);
        try {
            return supervise(process, step, context);
        } finally {
            RunningCommands.remove(process);
            RunningCommands.holdIfExiting();
        }
    }

    /**
     * The group is recorded before the command is waited for; if it cannot be, the command does not go on.
     * Its id is the pid (setsid made it a group leader): not read from /proc, where it may still show this
     * JVM's group until setsid has called setsid().
     */
    private void record(Spawned process, StepContext context) {
        if (!process.ownProcessGroup()) {
            return;
        }
        try {
            context.started().accept(process.pid());
        } catch (RuntimeException e) {
            process.kill();
            throw e;
        }
    }

    private StepResult supervise(Spawned process, RunStep step, StepContext context) {
        OutputTail tail = new OutputTail(tailLimitBytes);
        OutputPump pump = new OutputPump(process.output(), context.secrets(), context.output(), tail);
        pump.start();
        Ending ending = Ending.await(process, context);
        if (ending != Ending.EXITED) {
            process.kill();
        }
        awaitOutput(pump);
        if (ending == Ending.INTERRUPTED) {
            // Restore the flag for our caller; the attempt is reported like a cancellation.
            Thread.currentThread().interrupt();
        }
        return result(ending, process, step, context, tail);
    }

    private static StepResult result(Ending ending, Spawned process, RunStep step, StepContext context,
                                     OutputTail tail) {
        return switch (ending) {
            case EXITED -> exitResult(process.exitCode(), step, tail);
            case TIMED_OUT -> StepResult.timedOut("timed out after " + Durations.format(context.timeout())
                    + "; killed the process tree", tail.text(), tail.size());
            case CANCELLED, INTERRUPTED -> StepResult.cancelled("cancelled", tail.text(), tail.size());
        };
    }

    private static StepResult exitResult(int exitCode, RunStep step, OutputTail tail) {
        String message = "exit code " + exitCode;
        if (step.exitCodes().contains(exitCode)) {
            return StepResult.success(exitCode, message, tail.text(), tail.size());
        }
        return StepResult.failure(exitCode, message + " (expected " + expected(step) + ")", tail.text(), tail.size());
    }

    private static String expected(RunStep step) {
        if (step.exitCodes().size() == 1) {
            return String.valueOf(step.exitCodes().getFirst());
        }
        return "one of " + String.join(", ", step.exitCodes().stream().map(String::valueOf).toList());
    }

    private static Path workdir(RunStep step, StepContext context) {
        if (step.workdir() == null) {
            return context.workdir();
        }
        return context.workdir().resolve(context.secrets().reveal(step.workdir())).normalize();
    }

    private static Map<String, String> environment(String stepId, RunStep step, StepContext context) {
        Map<String, String> environment = new HashMap<>();
        step.env().forEach((name, value) -> environment.put(name, context.secrets().reveal(value)));
        environment.put("SHIPSHAPE_RUN_ID", context.runId());
        environment.put("SHIPSHAPE_STEP_ID", stepId);
        return environment;
    }

    /** The operating system's reason without Java's wrapping: "No such file or directory". */
    private static String reason(IOException e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        // Linux JDKs say "error=2, No such file or directory" or "Exec failed, error: 2 (No such ...)".
        Matcher m = OS_REASON.matcher(message);
        return m.find() ? m.group(1) : message.strip();
    }

    private static void awaitOutput(OutputPump pump) {
        try {
            pump.finish(OUTPUT_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
