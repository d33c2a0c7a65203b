package dev.shipshape.audit;

import java.time.Instant;
import java.util.List;

/** Where audit entries are kept (implemented by the store): appended, never changed. */
public interface AuditLog {

    /**
     * Appends an entry after the chain's head, in one transaction that holds the head locked, so that
     * appenders in other processes take turns and the chain stays whole.
     */
    AuditEntry append(AuditRecord record);

    /** The entries at or after {@code since} (every entry when null), oldest first. */
    List<AuditEntry> since(Instant since);

    /** Every entry in seq order, and the head as the log records it, read in one transaction. */
    Chain chain();

    /** A snapshot of the whole chain, for {@link ChainCheck}. */
    record Chain(List<AuditEntry> entries, ChainHead head) {
    }
}
