package dev.shipshape.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by time and are easy to type: {@code 20261123-194501-a3f9}. */
final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();

    String next(Instant now) {
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        return FORMAT.format(now) + "-" + HexFormat.of().formatHex(suffix);
    }
}
