package dev.shipshape.engine;

/** The state of a stage or a step. */
public enum State {
    PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED, ROLLED_BACK;

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }

    /** Lower-case as shown to people and stored: {@code rolled_back}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
