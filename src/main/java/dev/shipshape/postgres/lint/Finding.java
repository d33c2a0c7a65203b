package dev.shipshape.postgres.lint;

/**
 * The lint's judgement of one statement.
 *
 * @param lock          the strongest table lock it takes, e.g. {@code ACCESS EXCLUSIVE}
 * @param rewrite       {@code rewrite} (table rewritten), {@code scan} (table read in full) or {@code none}
 * @param appCompatible whether the application version running now keeps working (expand, not contract)
 * @param allowance     the reason of the file's allowance comment when an unsafe statement is allowed, or null
 * @param observed      what {@code --trace} saw when it ran the statement, or null when not traced
 * @param relation      the table the lock (and scan) is on, or null when none
 * @param pgVersion     the PostgreSQL major version the judgement is for
 * @param assumed       the schema facts the judgement assumed for lack of knowing them, or null
 * @param locksOut      whether the application cannot read or write {@code relation} for the length of a
 *                      scan or rewrite (the statement's own, or a later one's in the same transaction)
 */
public record Finding(String file, int line, String statement, Verdict verdict, String lock, String rewrite,
                      boolean appCompatible, String reason, String alternative, String allowance, Observation observed,
                      String relation, int pgVersion, String assumed, boolean locksOut) {

    /** Unsafe and not allowed: blocks a protected environment. */
    public boolean blocking() {
        return verdict == Verdict.UNSAFE && allowance == null;
    }

    Finding allowed(String why) {
        return new Finding(file, line, statement, verdict, lock, rewrite, appCompatible, reason, alternative, why,
                observed, relation, pgVersion, assumed, locksOut);
    }

    /** The same judgement with what the trace saw beside it (the static verdict stays as it is). */
    public Finding observed(Observation what) {
        return new Finding(file, line, statement, verdict, lock, rewrite, appCompatible, reason, alternative,
                allowance, what, relation, pgVersion, assumed, locksOut);
    }

    /** Whether the trace saw a different lock or rewrite than the lint predicted. */
    public boolean observedDiffers() {
        return observed != null && observed.error() == null && (!observed.lock().equals(lock)
                || observed.rewrote() != "rewrite".equals(rewrite));
    }
}
