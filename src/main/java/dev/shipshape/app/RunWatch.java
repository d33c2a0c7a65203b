package dev.shipshape.app;

import dev.shipshape.engine.CancelSignal;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.plan.Plan;
import java.util.function.Function;

/**
 * How the caller of a use case follows a run it starts, besides the root's standing listeners: a listener
 * for the run's plan (the CLI's terminal progress), and a way to ask the run to stop while it goes (the CLI's
 * Ctrl-C and SIGTERM); {@code cancel} from anywhere works through the store either way.
 */
public interface RunWatch {

    /** Neither a listener nor a way to stop but the store's cancel requests. */
    RunWatch NONE = new RunWatch() {
    };

    /** The listener for this run (told after the standing ones). */
    default RunListener listener(Plan plan) {
        return RunListener.NONE;
    }

    /** Runs the engine with a signal the caller may raise to cancel the run. */
    default RunOutcome run(Function<CancelSignal, RunOutcome> engine) {
        return engine.apply(new CancelSignal());
    }
}
