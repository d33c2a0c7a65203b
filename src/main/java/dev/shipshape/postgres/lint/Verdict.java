package dev.shipshape.postgres.lint;

/** How dangerous a migration statement is for a live database and the running application. */
public enum Verdict {
    /** brief locks only, old application keeps working */
    SAFE,
    /** works, but needs care: brief strong locks, long transactions, data changes */
    CAUTION,
    /** blocks reads or writes for the time of a scan or rewrite, or breaks the running application */
    UNSAFE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
