package dev.shipshape.runbook.condition;

/** How a condition came out over a run's facts. */
public sealed interface Evaluation {

    /**
     * @param holds whether the condition is true
     * @param shown the condition with its references' values filled in, e.g. {@code 1 != 0}
     */
    record Decided(boolean holds, String shown) implements Evaluation {
    }

    /** The facts cannot decide it (a value it needs was not recorded, or is of the wrong kind): why. */
    record Undecided(String why) implements Evaluation {
    }
}
