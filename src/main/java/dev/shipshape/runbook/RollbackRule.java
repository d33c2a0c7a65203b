package dev.shipshape.runbook;

/**
 * One row of the rollback decision table (seed 002's tree): when a finding matches, take the action.
 *
 * @param when   what was found: {@code <metric> critical}, {@code <metric> warning}, {@code health failed},
 *               {@code smoke failed}, {@code analysis inconclusive}
 * @param action rollback (immediate), pause (a person decides) or alert (note it and go on)
 */
public record RollbackRule(String when, Action action) {

    /** What a matching finding makes the run do. */
    public enum Action { ROLLBACK, PAUSE, ALERT }
}
