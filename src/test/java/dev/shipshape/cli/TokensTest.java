package dev.shipshape.cli;

import dev.shipshape.testing.StoreDump;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape token create, list, revoke} through the real CLI on the embedded store. */
class TokensTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        cli.clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        cli.run("user", "add", "bob", "--role", "deployer");
    }

    @Test
    void aCreatedTokenIsPrintedOnceAndOnlyItsHashIsKept() throws Exception {
        Cli.Result created = cli.run("token", "create", "--user", "bob", "--name", "ci", "--expires", "90d");

        assertThat(created.exitCode()).isZero();
        String[] lines = created.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("created token tok_[0-9a-f]{12} \\(ci\\) for bob, expires 2027-03-01 10:00:00 UTC;"
                + " copy it now, it is not shown again:");
        String token = lines[1];
        assertThat(token).matches("shp_[A-Za-z0-9_-]{43}");
        String list = cli.run("token", "list").out() + cli.run("token", "list", "--output", "json").out();
        assertThat(list).contains("bob").contains("active").doesNotContain(token);
        assertThat(StoreDump.of(folder)).doesNotContain(token).doesNotContain(token.substring(4));
    }

    @Test
    void tokenListShowsIdUserNameStateAndExpiry() throws Exception {
        String id = new ObjectMapper().readTree(cli.run("token", "create", "--user", "bob", "--name", "deploy-bot",
                "--expires", "12h", "--output", "json").out()).get("id").asText();

        Cli.Result list = cli.run("token", "list");
        JsonNode json = new ObjectMapper().readTree(cli.run("token", "list", "--output", "json").out());

        assertThat(list.out().lines().toList()).containsExactly(
                "ID                USER             NAME             STATE    CREATED (UTC)       EXPIRES (UTC)",
                id + "  bob              deploy-bot       active   2026-12-01 10:00:00 2026-12-01 22:00:00");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("state").asText()).isEqualTo("active");
        assertThat(json.get(0).get("expiresAt").asText()).isEqualTo("2026-12-01T22:00:00Z");
        assertThat(json.get(0).has("token")).isFalse();
    }

    @Test
    void aRevokedTokenIsListedAsRevoked() throws Exception {
        String id = new ObjectMapper().readTree(cli.run("token", "create", "--user", "bob", "--name", "ci",
                "--output", "json").out()).get("id").asText();

        Cli.Result revoke = cli.run("token", "revoke", id);

        assertThat(revoke.exitCode()).isZero();
        assertThat(revoke.out()).isEqualTo("revoked token " + id + " (ci) of bob\n");
        assertThat(cli.run("token", "list").out()).contains("revoked");
    }

    @Test
    void mistakesAreRefusedInOneLine() {
        Cli.Result nobody = cli.run("token", "create", "--user", "erin", "--name", "ci");
        Cli.Result badExpiry = cli.run("token", "create", "--user", "bob", "--name", "ci", "--expires", "soon");
        Cli.Result tooLong = cli.run("token", "create", "--user", "bob", "--name", "ci", "--expires", "400d");
        Cli.Result unknown = cli.run("token", "revoke", "tok_000000000000");

        assertThat(nobody.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nobody.err()).isEqualTo("shipshape: no user 'erin'; add them first with: shipshape user add erin"
                + " --role ROLE\n");
        assertThat(badExpiry.err()).isEqualTo("shipshape: --expires: 'soon' is not a duration; write e.g. 90d or 12h\n");
        assertThat(tooLong.err()).isEqualTo("shipshape: a token must expire within 366 days; give e.g. --expires 90d\n");
        assertThat(unknown.err()).isEqualTo("shipshape: no token 'tok_000000000000'; see them with: shipshape token"
                + " list\n");
        assertThat(cli.run("token", "list").out()).startsWith("no tokens yet");
    }
}
