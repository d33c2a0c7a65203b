package dev.shipshape.audit;

/** The newest entry of the chain, as the log keeps it apart from the entries: seq 0 and the genesis hash when empty. */
public record ChainHead(long seq, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, EntryHash.GENESIS);
}
