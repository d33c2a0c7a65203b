package dev.shipshape.cli;

import dev.shipshape.engine.CancelSignal;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C during a run: the first asks the engine to cancel (stop the step, roll back per policy);
 * a second one exits at once, leaving the run resumable.
 */
final class Interrupts {

    private Interrupts() {
    }

    static void cancelOnCtrlC(CancelSignal signal, String user, PrintWriter err) {
        AtomicInteger count = new AtomicInteger();
        try {
            Signal.handle(new Signal("INT"), s -> {
                if (count.incrementAndGet() == 1) {
                    err.println("shipshape: cancelling (Ctrl-C again to quit at once; the run can then be resumed)");
                    err.flush();
                    signal.raise("cancelled by " + user + " (Ctrl-C)");
                } else {
                    Runtime.getRuntime().halt(130);
                }
            });
        } catch (IllegalArgumentException unsupported) {
            // No SIGINT on this platform: Ctrl-C then ends the process and the run stays resumable.
        }
    }
}
