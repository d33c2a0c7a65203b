package dev.shipshape.postgres.lint;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations that run before the ones being linted: Flyway-named files ({@code V3__x.sql},
 * {@code V1_2__y.sql}), Supabase-named files ({@code 20240101120000_x.sql}) and Prisma folders
 * ({@code 20240101120000_x/migration.sql}) of the same migrations folders with a lower version, oldest
 * first. Their DDL tells the lint what the schema looks like when the linted migrations run.
 */
public final class EarlierMigrations {

    private static final Pattern VERSION = Pattern.compile("^V(\\d+(?:[._]\\d+)*)__.*\\.sql$");
    private static final Pattern TIMESTAMPED = Pattern.compile("^(\\d+)_[^_].*$");
    private static final String PRISMA_FILE = "migration.sql";

    private EarlierMigrations() {
    }

    public static List<Path> before(List<Path> linted) {
        List<Path> out = new ArrayList<>();
        Optional<List<BigInteger>> first = linted.stream().map(EarlierMigrations::version).flatMap(Optional::stream)
                .min(EarlierMigrations::compare);
        if (first.isEmpty()) {
            return out;
        }
        for (Path folder : linted.stream().map(EarlierMigrations::folderOf).distinct().toList()) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> Files.isDirectory(f) ? f.resolve(PRISMA_FILE) : f).filter(Files::isRegularFile)
                        .filter(f -> version(f).filter(v -> compare(v, first.get()) < 0).isPresent())
                        .filter(f -> linted.stream().noneMatch(l -> l.toAbsolutePath().equals(f.toAbsolutePath())))
                        .forEach(out::add);
            } catch (IOException e) {
                return out;
            }
        }
        out.sort(Comparator.comparing(p -> version(p).orElseThrow(), EarlierMigrations::compare));
        return out;
    }

    /** The migrations folder of a file: its own folder, or its parent's for a Prisma {@code migration.sql}. */
    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return file.getFileName().toString().equals(PRISMA_FILE) && parent.getParent() != null
                ? parent.getParent() : parent;
    }

    static Optional<List<BigInteger>> version(Path file) {
        String name = file.getFileName().toString();
        Matcher m = VERSION.matcher(name);
        if (m.matches()) {
            return Optional.of(Stream.of(m.group(1).split("[._]")).map(BigInteger::new).toList());
        }
        Path parent = file.toAbsolutePath().getParent();
        Matcher t = TIMESTAMPED.matcher(name.equals(PRISMA_FILE) && parent != null ? parent.getFileName().toString()
                : name.endsWith(".sql") ? name : "");
        return t.matches() ? Optional.of(List.of(new BigInteger(t.group(1)))) : Optional.empty();
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
