package dev.shipshape.postgres.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.postgres.lint.Finding;
import dev.shipshape.postgres.lint.Linter;
import dev.shipshape.postgres.lint.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The static lint against what PostgreSQL 15 did with each corpus migration ({@code observed.tsv},
 * re-observed by {@code tools/observe-lint-corpus.sh}). A migration is flagged when one of its
 * findings locks the application out of a table for the length of a scan or rewrite; observed
 * unsafe means the probe could not read or write a table while the migration scanned or rewrote.
 * (Breaking the running application, e.g. a dropped column, is a verdict of its own the probe cannot see.)
 */
class LintCorpusAgreementTest {

    private record Score(int agree, int total, List<String> disagreements, List<String> missed) {

        double percent() {
            return 100.0 * agree / total;
        }

        String text() {
            return "%d/%d (%.1f %%)".formatted(agree, total, percent());
        }
    }

    @Test
    void withTheSchemaKnownTheLintAgreesWithPostgresOnAtLeast95PercentAndFlagsEveryUnsafeMigration() {
        Score known = score(() -> {
            Schema schema = Schema.unknown();
            Linter.learn(schema, "schema.sql", LintCorpus.schema());
            return schema;
        });
        Score unknown = score(Schema::unknown);
        System.out.println("lint corpus agreement with schema facts: " + known.text() + ", without: "
                + unknown.text() + " (missed unsafe without facts: " + unknown.missed() + ")");
        known.disagreements().forEach(d -> System.out.println("  disagrees with schema: " + d));
        unknown.disagreements().forEach(d -> System.out.println("  disagrees without schema: " + d));

        assertThat(known.missed()).as("observed unsafe, not flagged").isEmpty();
        assertThat(known.percent()).as(String.join("\n", known.disagreements())).isGreaterThanOrEqualTo(95.0);
        assertThat(known.total()).isGreaterThanOrEqualTo(120);
    }

    private static Score score(Supplier<Schema> schema) {
        Map<String, LintCorpus.Observed> observed = LintCorpus.observed();
        int agree = 0;
        int total = 0;
        List<String> disagreements = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (LintCorpus.Item item : LintCorpus.items()) {
            LintCorpus.Observed seen = observed.get(item.id());
            if (seen == null || seen.verdict().equals("error")) {
                continue;
            }
            total++;
            List<Finding> findings = new Linter(15, schema.get()).lint(item.id() + ".sql", item.sql());
            boolean flagged = findings.stream().anyMatch(Finding::locksOut);
            boolean unsafe = seen.verdict().equals("unsafe");
            if (flagged == unsafe) {
                agree++;
            } else {
                disagreements.add(item.id() + ": observed " + seen.verdict() + " (" + seen.lock() + ", rewritten ["
                        + seen.rewritten() + "], scanned [" + seen.scanned() + "]), lint " + (flagged ? "flags" : "does not flag")
                        + " it: " + findings.stream().map(f -> f.lock() + "/" + f.rewrite() + " " + f.reason()
                        + (f.assumed() == null ? "" : " [" + f.assumed() + "]")).toList());
                if (unsafe) {
                    missed.add(item.id());
                }
            }
        }
        return new Score(agree, total, disagreements, missed);
    }
}
