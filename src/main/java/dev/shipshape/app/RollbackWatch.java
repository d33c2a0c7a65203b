package dev.shipshape.app;

import java.util.List;

/** A {@link RunWatch} that is also told, before a rollback runs or is refused, that it undoes database stages. */
public interface RollbackWatch extends RunWatch {

    /** Told nothing; runs without a listener. */
    RollbackWatch NONE = new RollbackWatch() {
    };

    /** The rollback restores data in these stages: data written since their backup is lost. */
    default void undoingDatabase(List<String> stages) {
    }
}
