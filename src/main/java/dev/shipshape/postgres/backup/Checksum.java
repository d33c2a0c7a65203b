package dev.shipshape.postgres.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of a dump: of a file, or of a directory-format dump's files (names and contents, by name). */
final class Checksum {

    private Checksum() {
    }

    static String of(Path dump) {
        MessageDigest digest = sha256();
        try {
            if (Files.isDirectory(dump)) {
                List<Path> files;
                try (Stream<Path> list = Files.list(dump)) {
                    files = list.sorted().toList();
                }
                for (Path file : files) {
                    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    feed(digest, file);
                }
            } else {
                feed(digest, dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dump + " to compute its checksum", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static long sizeOf(Path dump) {
        try (Stream<Path> all = Files.walk(dump)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void feed(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
