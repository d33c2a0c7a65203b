package dev.shipshape.runbook;

/**
 * A step that works on its environment's database. The loader leaves the target empty; the
 * planner binds the environment's {@link DatabaseSettings} with {@link #bind}.
 */
public interface UsesDatabase {

    /** The bound database, or null before planning. */
    DatabaseTarget target();

    /** Whether this step, as written, works on the database (a step may use it only in some forms). */
    default boolean needsDatabase() {
        return true;
    }

    /** The same step bound to {@code target}. */
    Step bind(DatabaseTarget target);
}
