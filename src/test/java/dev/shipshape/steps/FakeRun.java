package dev.shipshape.steps;

import dev.shipshape.engine.StepContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A run as a step sees it in tests: records the live output and can be cancelled. */
public final class FakeRun {

    public static final String RUN_ID = "run-42";

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public StepContext context(Path workdir, Duration timeout) {
        return new StepContext(RUN_ID, workdir, timeout, new TestSecrets(), output::add, cancelled::get);
    }

    /** The lines passed to the live output so far. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public void cancel() {
        cancelled.set(true);
    }
}
