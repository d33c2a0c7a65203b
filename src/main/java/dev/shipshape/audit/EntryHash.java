package dev.shipshape.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of an audit entry: SHA-256 (lower-case hex) of its canonical JSON, one object with the keys
 * {@code action, address, at, local, outcome, previous, seq, target, who} in that (sorted) order, no
 * whitespace, UTF-8, {@code at} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, a missing target as null. The
 * previous entry's hash is part of it, so that changing, inserting or deleting an entry breaks the chain.
 */
public final class EntryHash {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(SerializationFeature.INDENT_OUTPUT);

    private EntryHash() {
    }

    public static String of(long seq, AuditRecord r, String previous) {
        return sha256(canonical(seq, r, previous));
    }

    /** The text that is hashed. */
    public static String canonical(long seq, AuditRecord r, String previous) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("seq", seq);
        fields.put("at", AT.format(r.at().truncatedTo(ChronoUnit.MILLIS)));
        fields.put("who", r.who());
        fields.put("local", r.local());
        fields.put("action", r.action());
        fields.put("target", r.target());
        fields.put("address", r.address());
        fields.put("outcome", r.outcome());
        fields.put("previous", previous);
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings, numbers and booleans always make JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
