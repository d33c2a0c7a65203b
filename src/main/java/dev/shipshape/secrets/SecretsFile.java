package dev.shipshape.secrets;

import dev.shipshape.ShipshapeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a {@code NAME=value} secrets file, refusing one that others can read. */
final class SecretsFile {

    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretsFile() {
    }

    static Map<String, String> read(Path file) {
        if (file == null || !Files.exists(file)) {
            return Map.of();
        }
        try {
            refuseIfOpen(file);
            return parse(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT,
                    "cannot read secrets file " + file + ": " + e.getMessage());
        }
    }

    private static void refuseIfOpen(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (perms.stream().anyMatch(TOO_OPEN::contains)) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "secrets file " + file
                    + " can be read by other users; run: chmod 600 " + file);
        }
    }

    private static Map<String, String> parse(Path file, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, file + ":" + (i + 1)
                        + ": expected NAME=value");
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return values;
    }
}
