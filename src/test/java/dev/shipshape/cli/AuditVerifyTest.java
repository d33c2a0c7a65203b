package dev.shipshape.cli;

import dev.shipshape.testing.StoreDump;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape audit verify} through the real CLI: intact, or one line naming the first bad entry, exit 1. */
class AuditVerifyTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        cli.run("user", "add", "bob", "--role", "viewer");
        cli.run("user", "add", "carol", "--role", "deployer");
        cli.run("user", "disable", "bob");
    }

    @Test
    void anUntouchedLogIsIntact() throws Exception {
        Cli.Result verify = cli.run("audit", "verify");
        Cli.Result json = cli.run("audit", "verify", "--output", "json");

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).matches("audit log intact: 3 entries, head [0-9a-f]{64}\n");
        assertThat(new ObjectMapper().readTree(json.out()).get("entries").asInt()).isEqualTo(3);
    }

    @Test
    void anEditedEntryIsNamed() throws Exception {
        StoreDump.execute(folder, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");

        Cli.Result verify = cli.run("audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.err()).isEqualTo("shipshape: audit log broken at entry 2: entry 2 does not match its hash:"
                + " it was changed, or written, outside Shipshape; the entries before it are intact\n");
    }

    @Test
    void anInsertedEntryIsNamed() throws Exception {
        StoreDump.execute(folder, "INSERT INTO audit_log SELECT seq + 1, at, actor, actor_local, action, target,"
                + " address, outcome, entry_hash, entry_hash FROM audit_log WHERE seq = 3");

        Cli.Result verify = cli.run("audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.err()).startsWith("shipshape: audit log broken at entry 4: ").hasLineCount(1);
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        StoreDump.execute(folder, "DELETE FROM audit_log WHERE seq = 1");

        Cli.Result verify = cli.run("audit", "verify");

        assertThat(verify.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(verify.err()).isEqualTo("shipshape: audit log broken at entry 1: entry 1 is missing: entry 0 is"
                + " followed by entry 2 (deleted?); the entries before it are intact\n");
    }

    @Test
    void onPostgresAnEditIsFoundAndTheStoreUrlNeverReachesTheLog() throws Exception {
        String url = PostgresServer.get().createDatabase("cliaudit");
        cli.env.put("SHIPSHAPE_STORE", url);
        cli.run("user", "add", "dave", "--role", "admin", "--store", url);
        cli.run("user", "disable", "dave");
        Cli.Result intact = cli.run("audit", "verify");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_log SET outcome = 'failed (exit 1)' WHERE seq = 2");
        }

        Cli.Result broken = cli.run("audit", "verify");

        assertThat(intact.out()).startsWith("audit log intact: 2 entries");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(broken.err()).startsWith("shipshape: audit log broken at entry 2: entry 2 does not match its hash")
                .hasLineCount(1);
        assertThat(cli.run("audit", "--output", "json").out()).doesNotContain("jdbc:").doesNotContain("password");
    }
}
