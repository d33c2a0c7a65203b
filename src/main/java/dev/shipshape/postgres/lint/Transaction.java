package dev.shipshape.postgres.lint;

import java.util.Locale;

/**
 * One transaction of a migration, judged as a whole: PostgreSQL holds every lock until commit, so
 * a quick catalog change that takes ACCESS EXCLUSIVE makes the application wait for everything
 * the transaction does after it. A scan or rewrite of an existing table after such a lock is unsafe.
 */
final class Transaction {

    private final Facts facts;
    private String heldLock = "none";
    private String heldOn;
    private int heldSince;

    Transaction(Facts facts) {
        this.facts = facts;
    }

    Rules.Judgement judge(int line, Rules.Judgement j) {
        Rules.Judgement out = j;
        boolean longWork = "scan".equals(j.rewrite()) || "rewrite".equals(j.rewrite());
        boolean onExisting = j.relation() == null || !facts.createdHere(j.relation());
        if (!j.locksOut() && longWork && onExisting && heldOn != null) {
            out = new Rules.Judgement(Verdict.UNSAFE, heldLock, j.rewrite(), j.appCompatible(), j.reason() + "; and "
                    + "line " + heldSince + " holds " + heldLock + " on " + heldOn.toLowerCase(Locale.ROOT) + " until "
                    + "commit, so the application waits for this statement too", "commit the lock-taking change in "
                    + "a migration (transaction) of its own, before the long statement", heldOn, j.assumed(), false);
        }
        boolean blocksApp = j.readOnly() ? Locks.blocksReads(j.lock()) : Locks.blocksWrites(j.lock());
        if (blocksApp && j.relation() != null && !facts.createdHere(j.relation())
                && Locks.rank(j.lock()) > Locks.rank(heldLock)) {
            heldLock = j.lock();
            heldOn = j.relation();
            heldSince = line;
        }
        return out;
    }
}
