package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.CancelSignal;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.runbook.Durations;
import dev.shipshape.steps.shell.RunningCommands;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Being asked to stop while a run goes on. The first Ctrl-C (SIGINT) or SIGTERM (a CI job cancelled,
 * {@code timeout}, systemd) asks the engine to cancel: stop the step's process tree, roll back per
 * policy. A second Ctrl-C exits at once; after SIGTERM the run gets a grace period
 * ({@code SHIPSHAPE_STOP_GRACE}, default 20s), then the process exits. Either way a running step's
 * tree is stopped before exiting, and the run can be resumed. Closing restores the usual handling.
 */
final class Interrupts implements AutoCloseable {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);
    private static final int SIGINT_EXIT = 130;
    private static final int SIGTERM_EXIT = 143;

    private final CancelSignal signal;
    private final Context context;
    private final Duration grace;
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private final AtomicInteger interrupts = new AtomicInteger();
    private final AtomicInteger terms = new AtomicInteger();
    private volatile Thread graceTimer;

    private Interrupts(CancelSignal signal, Context context, Duration grace) {
        this.signal = signal;
        this.context = context;
        this.grace = grace;
    }

    /**
     * Runs the engine with Ctrl-C and SIGTERM cancelling the run.
     *
     * @throws ShipshapeException INVALID_INPUT when SHIPSHAPE_STOP_GRACE is not a duration
     */
    static RunOutcome cancellable(Context context, Function<CancelSignal, RunOutcome> run) {
        CancelSignal signal = new CancelSignal();
        try (Interrupts handling = cancelOnStop(signal, context)) {
            return run.apply(signal);
        }
    }

    private static Interrupts cancelOnStop(CancelSignal signal, Context context) {
        Interrupts interrupts = new Interrupts(signal, context, grace(context));
        interrupts.handle("INT", interrupts::interrupted);
        interrupts.handle("TERM", interrupts::terminated);
        return interrupts;
    }

    private void interrupted() {
        if (interrupts.incrementAndGet() == 1) {
            say("cancelling (Ctrl-C again to quit at once; the run can then be resumed)");
            signal.raise("cancelled by " + context.user() + " (Ctrl-C)");
        } else {
            exitNow(SIGINT_EXIT);
        }
    }

    private void terminated() {
        if (terms.incrementAndGet() > 1) {
            exitNow(SIGTERM_EXIT);
        }
        say("stopping (SIGTERM): cancelling the run and rolling back per policy within " + Durations.format(grace)
                + "; then it exits and the run can be resumed");
        signal.raise("stopped by SIGTERM (the process was asked to terminate)");
        graceTimer = Thread.ofPlatform().daemon().name("stop-grace").start(this::exitAfterGrace);
    }

    private void exitAfterGrace() {
        try {
            context.sleeper.pause(grace);
        } catch (InterruptedException runEnded) {
            return;
        }
        say("the SIGTERM grace period of " + Durations.format(grace) + " ran out; stopping the running step and"
                + " exiting; resume the run to finish it");
        exitNow(SIGTERM_EXIT);
    }

    /** Exits without finishing the run (it stays resumable), but never leaves a step's commands running. */
    private static void exitNow(int code) {
        RunningCommands.stopAll();
        Runtime.getRuntime().halt(code);
    }

    private void handle(String name, Runnable action) {
        try {
            Signal os = new Signal(name);
            previous.put(os, Signal.handle(os, s -> action.run()));
        } catch (IllegalArgumentException unsupported) {
            // No such signal on this platform: it then ends the process and the run stays resumable.
        }
    }

    @Override
    public void close() {
        Thread timer = graceTimer;
        if (timer != null) {
            timer.interrupt();
        }
        previous.forEach(Signal::handle);
    }

    private static Duration grace(Context context) {
        String text = context.env.get("SHIPSHAPE_STOP_GRACE");
        if (text == null) {
            return DEFAULT_GRACE;
        }
        return Durations.parse(text).orElseThrow(() -> new ShipshapeException(ShipshapeException.Code.INVALID_INPUT,
                "SHIPSHAPE_STOP_GRACE=" + text + " is not a duration; write it like 30s or 2m"));
    }

    private void say(String message) {
        if (context.terminal.interactive()) {
            // A running step's status line may take the terminal's last line: the message replaces it.
            context.err.print("\r\u001B[2K");
        }
        context.err.println("shipshape: " + message);
        context.err.flush();
    }
}
