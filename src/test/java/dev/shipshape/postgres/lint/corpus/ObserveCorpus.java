package dev.shipshape.postgres.lint.corpus;

import dev.shipshape.postgres.trace.ObservedVerdict;
import dev.shipshape.postgres.trace.TransactionObserver;
import dev.shipshape.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-observes the lint corpus on a real PostgreSQL (the test harness's server): the schema goes
 * into a template database, each item runs on a fresh copy of it through {@link TransactionObserver},
 * and the verdicts are written to {@code observed.tsv}. Run by {@code tools/observe-lint-corpus.sh}.
 */
public final class ObserveCorpus {

    private ObserveCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/lint-corpus/observed.tsv");
        PostgresServer server = PostgresServer.get();
        String template = "lint_corpus_template";
        try (Connection admin = DriverManager.getConnection(server.superuserUrl()); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + template);
            st.execute("CREATE DATABASE " + template);
            try (Connection c = DriverManager.getConnection(urlOf(server, template)); Statement s = c.createStatement()) {
                s.execute(LintCorpus.schema());
            }
            List<String> lines = new ArrayList<>(List.of(LintCorpus.Observed.HEADER));
            for (LintCorpus.Item item : LintCorpus.items()) {
                LintCorpus.Observed observed = observe(server, st, template, item);
                System.out.println(observed.line());
                lines.add(observed.line());
            }
            st.execute("DROP DATABASE " + template);
            Files.write(out, lines);
        }
        System.out.println("wrote " + out);
        System.exit(0);
    }

    private static LintCorpus.Observed observe(PostgresServer server, Statement admin, String template,
                                               LintCorpus.Item item) throws SQLException {
        String db = "lint_corpus_item";
        admin.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        admin.execute("CREATE DATABASE " + db + " TEMPLATE " + template);
        String url = urlOf(server, db);
        List<ObservedVerdict> verdicts = new ArrayList<>();
        try (TransactionObserver observer = new TransactionObserver(DriverManager.getConnection(url),
                DriverManager.getConnection(url), DriverManager.getConnection(url))) {
            for (List<String> transaction : item.transactions()) {
                verdicts.add(observer.observe(transaction));
            }
        }
        admin.execute("DROP DATABASE " + db + " WITH (FORCE)");
        return combined(item.id(), verdicts);
    }

    /**
     * The item's verdict: unsafe if one of its transactions was; the rest as the last transaction saw
     * it (an item's earlier transactions set up what the last one is about).
     */
    private static LintCorpus.Observed combined(String id, List<ObservedVerdict> verdicts) {
        ObservedVerdict last = verdicts.get(verdicts.size() - 1);
        String error = verdicts.stream().map(ObservedVerdict::error).filter(e -> e != null).findFirst().orElse("");
        boolean unsafe = verdicts.stream().anyMatch(ObservedVerdict::unsafe);
        return new LintCorpus.Observed(id, error.isEmpty() ? (unsafe ? "unsafe" : "safe") : "error", last.lock(),
                String.join(",", last.lockedOn()), joined(last.rewritten()), joined(last.scanned()),
                joined(last.blockedReads()), joined(last.blockedWrites()), error.replace('\t', ' '));
    }

    private static String joined(Set<String> tables) {
        return String.join(",", new TreeSet<>(tables));
    }

    private static String urlOf(PostgresServer server, String database) {
        String admin = server.superuserUrl();
        int query = admin.indexOf('?');
        String base = admin.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + admin.substring(query);
    }
}
