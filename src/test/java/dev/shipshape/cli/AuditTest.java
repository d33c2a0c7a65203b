package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acting commands are audited in one place, and {@code audit} lists what they did, through the real CLI. */
class AuditTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: test "$VERSION" != broken
                    env:
                      VERSION: ${version}
                rollback:
                  - run: echo undone
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.clock = Clock.fixed(T0, ZoneOffset.UTC);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    private JsonNode audit(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--output", "json"));
        args.addAll(List.of(more));
        return new ObjectMapper().readTree(cli.run(args.toArray(String[]::new)).out());
    }

    @Test
    void aDeployIsAuditedWithWhoTargetAddressAndOutcome() throws Exception {
        cli.run("deploy", "--env", "staging", "--version", "v1");
        cli.run("deploy", "--env", "staging", "--version", "broken");

        Cli.Result text = cli.run("audit");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out().lines().toList()).containsExactly(
                "SEQ    TIME (UTC)          WHO              ACTION         TARGET                                   FROM     OUTCOME",
                "1      2026-12-01 10:00:00 alice (local)    deploy         service=shop-api env=staging version=v1  local    succeeded (exit 0)",
                "2      2026-12-01 10:00:00 alice (local)    deploy         service=shop-api env=staging version=broken local    rolled back (exit 3)");
        JsonNode first = audit().get(0);
        assertThat(first.get("who").asText()).isEqualTo("alice");
        assertThat(first.get("local").asBoolean()).isTrue();
        assertThat(first.get("address").asText()).isEqualTo("local");
        assertThat(first.get("at").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(audit().get(1).get("previousHash").asText()).isEqualTo(first.get("hash").asText());
    }

    @Test
    void readingCommandsHelpAndRefusedFirstCommandsAddNothing() throws Exception {
        Cli.Result noRunbook = cli.run("deploy", "nowhere.yaml", "--env", "staging", "--version", "v1");
        cli.run("deploy", "--env", "staging", "--version", "v1");
        cli.run("runs");
        cli.run("status");
        cli.run("plan", "--env", "staging", "--version", "v2");
        cli.run("deploy", "--help");
        cli.run("user", "list");
        cli.run("token", "list");
        cli.run("audit", "verify");

        assertThat(noRunbook.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(audit()).extracting(e -> e.get("action").asText()).containsExactly("deploy");
    }

    @Test
    void userAndTokenChangesAreAuditedByNameOnly() throws Exception {
        cli.run("user", "add", "bob", "--role", "deployer");
        String id = new ObjectMapper().readTree(cli.run("token", "create", "--user", "bob", "--name", "ci",
                "--output", "json").out()).get("id").asText();
        cli.run("token", "revoke", id);
        cli.run("user", "disable", "bob");
        cli.run("user", "disable", "nobody");

        JsonNode entries = audit();

        assertThat(entries).extracting(e -> e.get("action").asText() + " | " + e.get("target").asText() + " | "
                + e.get("outcome").asText()).containsExactly(
                "user add | user=bob role=deployer | succeeded (exit 0)",
                "token create | user=bob name=ci | succeeded (exit 0)",
                "token revoke | token=" + id + " | succeeded (exit 0)",
                "user disable | user=bob | succeeded (exit 0)",
                "user disable | user=nobody | usage error (exit 2)");
    }

    @Test
    void lockApprovalAndChecklistActionsAreAuditedWithTheirTargets() throws Exception {
        cli.run("deploy", "--env", "staging", "--version", "v1");
        cli.run("unlock", "--env", "staging", "--reason", "stuck");
        cli.run("cancel", "r-unknown", "--reason", "stop");

        assertThat(audit()).extracting(e -> e.get("action").asText() + " | " + e.get("target").asText() + " | "
                + e.get("outcome").asText()).containsExactly(
                "deploy | service=shop-api env=staging version=v1 | succeeded (exit 0)",
                "unlock | service=shop-api env=staging | succeeded (exit 0)",
                "cancel | run=r-unknown | usage error (exit 2)");
    }

    @Test
    void aChecklistSignOffIsAuditedAndAChecklistReadIsNot() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                people:
                  sam: [security]
                environments:
                  production:
                    checklist:
                      items:
                        - {name: security audit, sign_off: [security]}
                stages:
                  - name: deploy
                    steps:
                      - run: "true"
                """);
        cli.env.put("SHIPSHAPE_USER", "sam");
        cli.run("user", "add", "sam", "--role", "approver");

        cli.run("checklist", "--env", "production", "--version", "v1");
        Cli.Result signed = cli.run("checklist", "--env", "production", "--version", "v1", "--sign", "security audit",
                "--comment", "pen test report 42");

        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(audit()).extracting(e -> e.get("who").asText() + " | " + e.get("action").asText() + " | "
                + e.get("target").asText()).containsExactly(
                "sam | user add | user=sam role=approver",
                "sam | checklist sign | service=shop-api env=production version=v1 item=security audit");
        assertThat(cli.run("audit").out()).doesNotContain("pen test report");
    }

    @Test
    void sinceShowsOnlyRecentEntries() throws Exception {
        cli.run("deploy", "--env", "staging", "--version", "v1");
        cli.clock = Clock.fixed(T0.plus(Duration.ofDays(10)), ZoneOffset.UTC);
        cli.run("deploy", "--env", "staging", "--version", "v2");

        JsonNode recent = audit("--since", "7d");
        Cli.Result none = cli.run("audit", "--since", "1h");
        cli.clock = Clock.fixed(T0.plus(Duration.ofDays(20)), ZoneOffset.UTC);
        Cli.Result later = cli.run("audit", "--since", "1d");
        Cli.Result bad = cli.run("audit", "--since", "a week");

        assertThat(recent).extracting(e -> e.get("target").asText())
                .containsExactly("service=shop-api env=staging version=v2");
        assertThat(none.out()).contains("version=v2");
        assertThat(later.out()).isEqualTo("no audit entries in the last 1d\n");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).isEqualTo("shipshape: --since: 'a week' is not a duration; write e.g. 7d or 12h\n");
    }

    @Test
    void anEmptyLogIsSaidSo() {
        assertThat(cli.run("audit").out()).isEqualTo("the audit log is empty\n");
    }
}
