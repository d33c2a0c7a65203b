package dev.shipshape.postgres.backup;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A single-file dump written as pg_dump streams it, its SHA-256 and size computed on the way, so
 * that no second pass reads the file back. Directory-format dumps are written by pg_dump itself
 * (in parallel) and checksummed afterwards by {@link Checksum}.
 */
final class StreamedDump extends FilterOutputStream {

    private final MessageDigest digest;
    private long size;

    private StreamedDump(OutputStream file, MessageDigest digest) {
        super(new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), digest));
        this.digest = digest;
    }

    static StreamedDump to(Path file) throws IOException {
        try {
            return new StreamedDump(Files.newOutputStream(file), MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        size += length;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        size++;
    }

    long size() {
        return size;
    }

    /** The SHA-256 of everything written, in hex; call once, after {@link #close()}. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
