package dev.shipshape.engine;

/** Moves a stage to a new state: in memory and, when it changed (or gained a reason), in the store. */
final class StageLog {

    private final Journal journal;
    private final Progress progress;

    StageLog(Journal journal, Progress progress) {
        this.journal = journal;
        this.progress = progress;
    }

    void set(String name, State state, String reason) {
        if (progress.stage(name) != state || state == State.RUNNING && reason != null) {
            journal.stage(name, state, reason);
        }
        progress.stage(name, state);
    }
}
