package dev.shipshape.app;

import dev.shipshape.audit.AuditEntry;
import dev.shipshape.audit.AuditRecord;
import dev.shipshape.audit.ChainCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The audit log as people read it: its entries, oldest first, and whether its hash chain is whole. */
public final class AuditTrail {

    /** One entry as lists show it. */
    public record Entry(long seq, Instant at, String who, boolean local, String action, String target, String address,
                        String outcome, String previousHash, String hash) {

        static Entry of(AuditEntry e) {
            AuditRecord r = e.record();
            return new Entry(e.seq(), r.at(), r.who(), r.local(), r.action(), r.target(), r.address(), r.outcome(),
                    e.previousHash(), e.hash());
        }
    }

    private final Shipshape app;
    private final StoreAccess store;

    AuditTrail(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /** The entries of the last {@code within} (every entry when null), oldest first; none while there is no store. */
    public List<Entry> entries(Duration within) {
        Instant from = within == null ? null : app.settings().clock().instant().minus(within);
        return store.readIfExists(s -> s.audit().since(from).stream().map(Entry::of).toList()).orElse(List.of());
    }

    /** Checks the chain: intact with its length and head, or the first entry that was changed, inserted or deleted. */
    public ChainCheck.Verdict verify() {
        return store.use(s -> ChainCheck.of(s.audit().chain()));
    }
}
