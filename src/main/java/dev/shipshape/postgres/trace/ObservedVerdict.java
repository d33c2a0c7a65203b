package dev.shipshape.postgres.trace;

import java.util.List;
import java.util.Set;

/**
 * What PostgreSQL did when a migration (one transaction) ran: unsafe when, at some statement, a
 * table was rewritten or read in full while the probe session could not read or write a table
 * the migration had locked, so the application waits for the length of the scan. A brief
 * ACCESS EXCLUSIVE with no scan behind it is safe.
 *
 * @param lock          the strongest table lock held, in the lint's words, or {@code none}
 * @param lockedOn      the tables holding it
 * @param rewritten     tables whose data file changed
 * @param scanned       tables read in full (sequential scans, a rewrite's included)
 * @param blockedReads  tables the probe could not read while the migration held its locks
 * @param blockedWrites tables the probe could not write
 * @param error         the statement's error when the migration failed, else null
 */
public record ObservedVerdict(boolean unsafe, String lock, List<String> lockedOn, Set<String> rewritten,
                              Set<String> scanned, Set<String> blockedReads, Set<String> blockedWrites,
                              String error) {

    public ObservedVerdict {
        lockedOn = List.copyOf(lockedOn);
        rewritten = Set.copyOf(rewritten);
        scanned = Set.copyOf(scanned);
        blockedReads = Set.copyOf(blockedReads);
        blockedWrites = Set.copyOf(blockedWrites);
    }

    static ObservedVerdict failed(String error) {
        return new ObservedVerdict(false, "none", List.of(), Set.of(), Set.of(), Set.of(), Set.of(), error);
    }

    public String word() {
        return error != null ? "error" : unsafe ? "unsafe" : "safe";
    }
}
