package dev.shipshape.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * What an executor gets besides the step.
 *
 * @param runId     the run this attempt belongs to
 * @param workdir   the folder relative paths are resolved against (the runbook's folder)
 * @param timeout   time allowed for this attempt (step timeout, capped by what is left of the stage's)
 * @param secrets   reveals {@code ${secret:NAME}} references and redacts their values from output
 * @param output    receives each line of output as it comes, already redacted (live progress)
 * @param cancelled becomes true when the run is being cancelled
 * @param started   receives the process group id of a command the step started, before it is waited for
 *                  (recorded, so that what a dead engine left running can be found and stopped)
 */
public record StepContext(String runId, Path workdir, Duration timeout, Secrets secrets, Consumer<String> output,
                          BooleanSupplier cancelled, LongConsumer started) {

    /** A context whose started commands are not recorded. */
    public StepContext(String runId, Path workdir, Duration timeout, Secrets secrets, Consumer<String> output,
                       BooleanSupplier cancelled) {
        this(runId, workdir, timeout, secrets, output, cancelled, group -> { });
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }
}
