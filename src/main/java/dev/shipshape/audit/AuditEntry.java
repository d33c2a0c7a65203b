package dev.shipshape.audit;

/**
 * One entry of the audit log as it is kept: its place in the chain, what happened, the hash of the entry before
 * it and its own hash ({@link EntryHash#of}).
 *
 * @param seq          1 for the first entry, then one more for each; no gaps
 * @param previousHash the hash of entry {@code seq - 1}; {@link EntryHash#GENESIS} for the first
 */
public record AuditEntry(long seq, AuditRecord record, String previousHash, String hash) {

    /** The entry that follows {@code previous} ({@link ChainHead#EMPTY} for the first), with its hash computed. */
    public static AuditEntry after(ChainHead previous, AuditRecord record) {
        long seq = previous.seq() + 1;
        return new AuditEntry(seq, record, previous.hash(), EntryHash.of(seq, record, previous.hash()));
    }

    /** Whether the stored hash is the one this entry's contents give. */
    public boolean matchesItsHash() {
        return EntryHash.of(seq, record, previousHash).equals(hash);
    }
}
