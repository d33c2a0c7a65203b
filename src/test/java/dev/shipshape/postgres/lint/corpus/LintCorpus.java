package dev.shipshape.postgres.lint.corpus;

import dev.shipshape.postgres.lint.Linter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lint corpus in {@code src/test/resources/lint-corpus}: {@code schema.sql}, the migrations of
 * {@code corpus.sql} (each after a {@code -- item: ID} line; a {@code COMMIT;} line ends one
 * transaction and starts the next) and {@code observed.tsv}, what PostgreSQL did with each.
 */
public final class LintCorpus {

    /** One migration of the corpus; {@code sql} is the text as a migration file would hold it. */
    public record Item(String id, String sql) {

        /** The transactions of the item, each a list of statements without their ';'. */
        public List<List<String>> transactions() {
            List<List<String>> out = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String statement : Linter.statements(id, sql)) {
                String s = statement.strip();
                if (s.equalsIgnoreCase("COMMIT")) {
                    out.add(current);
                    current = new ArrayList<>();
                } else if (!s.isEmpty()) {
                    current.add(s);
                }
            }
            out.add(current);
            return out;
        }
    }

    /** One line of observed.tsv. */
    public record Observed(String id, String verdict, String lock, String lockedOn, String rewritten, String scanned,
                           String blockedReads, String blockedWrites, String error) {

        static final String HEADER = "id\tverdict\tlock\tlocked_on\trewritten\tscanned\tblocked_read\tblocked_write"
                + "\terror";

        String line() {
            return String.join("\t", id, verdict, lock, lockedOn, rewritten, scanned, blockedReads, blockedWrites,
                    error);
        }

        static Observed parse(String line) {
            String[] f = line.split("\t", -1);
            return new Observed(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        }
    }

    private LintCorpus() {
    }

    public static String schema() {
        return resource("schema.sql");
    }

    public static List<Item> items() {
        List<Item> out = new ArrayList<>();
        String id = null;
        StringBuilder sql = new StringBuilder();
        for (String line : resource("corpus.sql").split("\n")) {
            if (line.startsWith("-- item: ")) {
                if (id != null) {
                    out.add(new Item(id, sql.toString()));
                }
                id = line.substring("-- item: ".length()).strip();
                sql.setLength(0);
            } else if (id != null) {
                sql.append(line).append('\n');
            }
        }
        out.add(new Item(id, sql.toString()));
        return out;
    }

    public static Map<String, Observed> observed() {
        Map<String, Observed> out = new LinkedHashMap<>();
        resource("observed.tsv").lines().skip(1).map(Observed::parse).forEach(o -> out.put(o.id(), o));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = LintCorpus.class.getResourceAsStream("/lint-corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource lint-corpus/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read lint-corpus/" + name, e);
        }
    }
}
