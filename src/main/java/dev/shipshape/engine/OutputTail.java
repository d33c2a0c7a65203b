package dev.shipshape.engine;

import java.nio.charset.StandardCharsets;

/**
 * The last part of a step's output, kept in a fixed amount of memory, plus how many bytes of output
 * there were in total. A step may print gigabytes; only the tail is worth keeping for the record.
 * Thread-safe: a reader thread appends while the executor may already be reading.
 */
public final class OutputTail {

    /** The tail kept when nobody says otherwise. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    /** How a tail whose beginning was dropped starts. */
    private static final String DROPPED = "… (";

    private final byte[] ring;
    private long total;

    /** A tail that keeps at most {@code limitBytes} bytes. */
    public OutputTail(int limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("output tail limit must be positive, got " + limitBytes);
        }
        this.ring = new byte[limitBytes];
    }

    /** Adds one line; a newline is appended. The line must already be redacted. */
    public synchronized void appendLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        // Only the last ring.length bytes of a long line can survive, so skip the rest up front.
        int skip = Math.max(0, bytes.length - ring.length);
        int at = (int) ((total + skip) % ring.length);
        int length = bytes.length - skip;
        int first = Math.min(length, ring.length - at);
        System.arraycopy(bytes, skip, ring, at, first);
        System.arraycopy(bytes, skip + first, ring, 0, length - first);
        total += bytes.length;
    }

    /** Bytes appended in total, including those no longer kept. */
    public synchronized long size() {
        return total;
    }

    /**
     * The kept text. When older output was dropped it starts with a line saying how much, and the
     * first partial line is dropped too, so the tail starts at a line boundary where it can.
     */
    public synchronized String text() {
        byte[] kept = keptBytes();
        if (total <= ring.length) {
            return new String(kept, StandardCharsets.UTF_8);
        }
        int from = startOfWholeText(kept);
        long dropped = total - (kept.length - from);
        String rest = new String(kept, from, kept.length - from, StandardCharsets.UTF_8);
        return DROPPED + dropped + " bytes before this were dropped)\n" + rest;
    }

    private byte[] keptBytes() {
        int length = (int) Math.min(total, ring.length);
        int start = (int) ((total - length) % ring.length);
        byte[] kept = new byte[length];
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, kept, 0, first);
        System.arraycopy(ring, 0, kept, first, length - first);
        return kept;
    }

    /** After the first newline if there is one; else after any cut-off UTF-8 continuation bytes. */
    private static int startOfWholeText(byte[] kept) {
        for (int i = 0; i < kept.length - 1; i++) {
            if (kept[i] == '\n') {
                return i + 1;
            }
        }
        int from = 0;
        while (from < kept.length && (kept[from] & 0xC0) == 0x80) {
            from++;
        }
        return from;
    }

    /**
     * What a reader who has read the first {@code read} bytes of a step's output has not seen yet,
     * given the stored tail ({@link #text()}) and size ({@link #size()}) of that output now.
     *
     * @param skipped bytes that were dropped from the tail before the reader saw them
     */
    public record Unread(String text, long skipped) {
    }

    /** @see Unread */
    public static Unread unread(String storedText, long storedSize, long read) {
        if (storedText == null || read >= storedSize) {
            return new Unread("", 0);
        }
        byte[] kept = storedText.getBytes(StandardCharsets.UTF_8);
        int marker = storedText.indexOf('\n');
        if (kept.length != storedSize && storedText.startsWith(DROPPED) && marker >= 0) {
            kept = storedText.substring(marker + 1).getBytes(StandardCharsets.UTF_8);
        }
        long start = storedSize - kept.length;
        if (read < start) {
            return new Unread(new String(kept, StandardCharsets.UTF_8), start - read);
        }
        int from = (int) (read - start);
        return new Unread(new String(kept, from, kept.length - from, StandardCharsets.UTF_8), 0);
    }
}
