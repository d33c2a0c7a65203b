package dev.shipshape.gates.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.gates.Checklist;
import dev.shipshape.runbook.gates.ChecklistItem;
import dev.shipshape.runbook.gates.People;
import dev.shipshape.secrets.SecretResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistItemsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private List<ItemResult> run(ChecklistItem... items) {
        return new ChecklistRunner(Map.of("PATH", System.getenv("PATH")), folder, Clock.systemUTC(), People.none(),
                new SecretResolver(Map.of(), folder.resolve("secrets")))
                .run(new Checklist(true, List.of(items)), s -> s, List.of(), "sign ITEM");
    }

    @Test
    void aCertificateValidForAYearPassesAndItsExpiryIsShown() throws Exception {
        try (TlsServer server = TlsServer.start(folder, null, 365)) {
            ItemResult result = run(new ChecklistItem.Tls("cert", "127.0.0.1", server.port(), 30, TIMEOUT)).getFirst();

            LocalDate until = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).plusDays(365);
            assertThat(result.passed()).as(result.reason()).isTrue();
            assertThat(result.reason()).matches("certificate valid until (" + until + "|" + until.minusDays(1)
                    + ") \\(36[45] days\\)");
        }
    }

    @Test
    void anExpiredCertificateFails() throws Exception {
        try (TlsServer server = TlsServer.start(folder, "-400d", 30)) {
            ItemResult result = run(new ChecklistItem.Tls("cert", "127.0.0.1", server.port(), 30, TIMEOUT)).getFirst();

            LocalDate expired = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC).minusDays(370);
            assertThat(result.passed()).isFalse();
            assertThat(result.reason()).isIn("certificate expired on " + expired,
                    "certificate expired on " + expired.minusDays(1));
        }
    }

    @Test
    void aCertificateExpiringSoonerThanTheMinimumFails() throws Exception {
        try (TlsServer server = TlsServer.start(folder, null, 10)) {
            ItemResult result = run(new ChecklistItem.Tls("cert", "127.0.0.1", server.port(), 30, TIMEOUT)).getFirst();

            assertThat(result.passed()).isFalse();
            assertThat(result.reason()).containsPattern("\\((9|10) days; needs at least 30\\)$");
        }
    }

    @Test
    void aHangingCommandIsStoppedAtItsTimeout() {
        long start = System.nanoTime();
        ItemResult result = run(new ChecklistItem.Command("slow", "sleep 30", Duration.ofMillis(500))).getFirst();

        assertThat(result).isEqualTo(new ItemResult("slow", "run", false, "timed out after 500ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSqlQueryPassesWhenItsFirstValueIsTrue() {
        String url = "jdbc:h2:mem:checklist;DB_CLOSE_DELAY=-1";
        List<ItemResult> results = run(new ChecklistItem.Sql("ok", url, "SELECT 1 = 1", TIMEOUT),
                new ChecklistItem.Sql("pending", url, "SELECT COUNT(*) FROM (VALUES (1), (2)) WHERE 1 = 0", TIMEOUT),
                new ChecklistItem.Sql("broken", url, "SELECT * FROM missing_table", TIMEOUT));

        assertThat(results.get(0)).isEqualTo(new ItemResult("ok", "sql", true, "the query returned true"));
        assertThat(results.get(1)).isEqualTo(new ItemResult("pending", "sql", false, "the query returned 0"));
        assertThat(results.get(2).reason()).startsWith("query failed: Table \"MISSING_TABLE\" not found");
    }

    @Test
    void environmentRulesNameTheVariableButNeverItsValue() {
        List<ItemResult> results = new ChecklistRunner(Map.of("NEXTAUTH_SECRET", "short-secret-value", "JWT", "abc"), folder,
                Clock.systemUTC(), People.none(), new SecretResolver(Map.of(), folder.resolve("secrets")))
                .run(new Checklist(false, List.of(
                        new ChecklistItem.Env("auth", List.of("NEXTAUTH_SECRET"), 32, null),
                        new ChecklistItem.Env("jwt", List.of("JWT", "DATABASE_URL"), null, "[0-9]+"))),
                s -> s, List.of(), "");

        assertThat(results).containsExactly(
                new ItemResult("auth", "env", false, "NEXTAUTH_SECRET has 18 characters; needs at least 32"),
                new ItemResult("jwt", "env", false, "JWT does not match [0-9]+ (the whole value); DATABASE_URL is not set"));
    }
}
