package dev.shipshape.engine;

/** A cancel raised in this process (Ctrl-C); the engine stops the current step and rolls back per policy. */
public final class CancelSignal {

    private volatile String reason;

    public void raise(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    String reason() {
        return reason;
    }
}
