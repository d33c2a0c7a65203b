package dev.shipshape.audit;

/** Whether an audit log's chain is whole, and if not, the first entry that is not as it was written. */
public final class ChainCheck {

    /** What a check found. */
    public sealed interface Verdict {
    }

    /** Every entry matches its hash and follows the one before, and the last is the recorded head. */
    public record Intact(long entries, String headHash) implements Verdict {
    }

    /** @param seq the first entry that is wrong, or missing */
    public record Broken(long seq, String reason) implements Verdict {
    }

    private ChainCheck() {
    }

    public static Verdict of(AuditLog.Chain chain) {
        ChainHead previous = ChainHead.EMPTY;
        for (AuditEntry entry : chain.entries()) {
            long expected = previous.seq() + 1;
            if (entry.seq() > expected) {
                return new Broken(expected, "entry " + expected + " is missing: entry " + previous.seq()
                        + " is followed by entry " + entry.seq() + " (deleted?)");
            }
            if (entry.seq() < expected) {
                return new Broken(entry.seq(), "entry " + entry.seq() + " is out of place: entry " + expected
                        + " was expected after entry " + previous.seq());
            }
            if (!entry.matchesItsHash()) {
                return new Broken(entry.seq(), "entry " + entry.seq() + " does not match its hash: it was changed,"
                        + " or written, outside Shipshape");
            }
            if (!entry.previousHash().equals(previous.hash())) {
                return new Broken(entry.seq(), "entry " + entry.seq() + " does not follow entry " + previous.seq()
                        + ": it names another previous hash (inserted or replaced?)");
            }
            previous = new ChainHead(entry.seq(), entry.hash());
        }
        return head(previous, chain.head());
    }

    private static Verdict head(ChainHead last, ChainHead recorded) {
        if (recorded.seq() > last.seq()) {
            return new Broken(last.seq() + 1, "entry " + (last.seq() + 1) + " is missing: the log's head is entry "
                    + recorded.seq() + " but its last entry is " + last.seq() + " (deleted?)");
        }
        if (recorded.seq() < last.seq()) {
            return new Broken(recorded.seq() + 1, "entry " + (recorded.seq() + 1) + " was added outside Shipshape:"
                    + " the log's head is entry " + recorded.seq());
        }
        if (!recorded.hash().equals(last.hash())) {
            return new Broken(last.seq(), "entry " + last.seq() + " is not the one the log's head names (replaced?)");
        }
        return new Intact(last.seq(), last.hash());
    }
}
