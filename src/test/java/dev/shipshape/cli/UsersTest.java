package dev.shipshape.cli;

import dev.shipshape.testing.StoreDump;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipshape user add, list, disable} through the real CLI on the embedded store. */
class UsersTest {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void addedUsersAreListedByNameWithRoleAndWhetherTheyHaveAPassword() {
        cli.stdin = PASSWORD + "\n";
        Cli.Result bob = cli.run("user", "add", "bob", "--role", "deployer", "--password-stdin");
        cli.stdin = "";
        Cli.Result ci = cli.run("user", "add", "ci-bot", "--role", "viewer");

        assertThat(bob.exitCode()).isZero();
        assertThat(bob.out()).isEqualTo("added user bob (deployer, password set)\n");
        assertThat(ci.out()).isEqualTo("added user ci-bot (viewer, no password: tokens only)\n");
        Cli.Result list = cli.run("user", "list");
        assertThat(list.out().lines().toList()).hasSize(3);
        assertThat(list.out().lines().skip(1).map(l -> l.substring(0, 47).stripTrailing()).toList())
                .containsExactly("bob                  deployer  enabled   yes", "ci-bot               viewer    enabled   no");
    }

    @Test
    void userListAsJsonGivesRoleStateAndTimes() throws Exception {
        cli.run("user", "add", "carol", "--role", "approver");
        cli.run("user", "disable", "carol");

        JsonNode users = new ObjectMapper().readTree(cli.run("user", "list", "--output", "json").out());

        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("name").asText()).isEqualTo("carol");
        assertThat(users.get(0).get("role").asText()).isEqualTo("approver");
        assertThat(users.get(0).get("password").asBoolean()).isFalse();
        assertThat(users.get(0).get("disabled").asBoolean()).isTrue();
        assertThat(users.get(0).get("disabledAt").asText()).endsWith("Z");
    }

    @Test
    void disablingAUserMarksThemDisabledAndDisablingNobodyIsNotFound() {
        cli.run("user", "add", "dave", "--role", "admin");

        Cli.Result disabled = cli.run("user", "disable", "dave");
        Cli.Result nobody = cli.run("user", "disable", "erin");

        assertThat(disabled.exitCode()).isZero();
        assertThat(disabled.out()).startsWith("disabled user dave (since ");
        assertThat(cli.run("user", "list").out()).contains("disabled");
        assertThat(nobody.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nobody.err()).isEqualTo("shipshape: no user 'erin'; see them with: shipshape user list\n");
    }

    @Test
    void aSecondUserOfTheSameNameIsRefused() {
        cli.run("user", "add", "bob", "--role", "viewer");

        Cli.Result again = cli.run("user", "add", "bob", "--role", "admin");

        assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).isEqualTo("shipshape: user 'bob' exists; see them with: shipshape user list\n");
        assertThat(cli.run("user", "list").out()).contains("viewer").doesNotContain("admin");
    }

    @Test
    void anUnknownRoleABadNameAndAShortPasswordAreRefusedInOneLine() {
        Cli.Result role = cli.run("user", "add", "bob", "--role", "root");
        Cli.Result name = cli.run("user", "add", "Bob Smith", "--role", "viewer");
        cli.stdin = "short\n";
        Cli.Result password = cli.run("user", "add", "bob", "--role", "viewer", "--password-stdin");

        assertThat(role.err()).isEqualTo("shipshape: 'root' is not a role; roles: viewer, deployer, approver, admin\n");
        assertThat(name.err()).startsWith("shipshape: 'Bob Smith' is not a user name").hasLineCount(1);
        assertThat(password.err()).isEqualTo("shipshape: the password is too short: use at least 12 characters\n");
        assertThat(cli.run("user", "list").out()).startsWith("no users yet");
    }

    @Test
    void thePasswordIsKeptOnlyAsAnArgon2idHash() throws Exception {
        cli.stdin = PASSWORD + "\n";
        Cli.Result add = cli.run("user", "add", "bob", "--role", "deployer", "--password-stdin");

        String dump = StoreDump.of(folder);

        assertThat(add.out() + add.err()).doesNotContain(PASSWORD);
        assertThat(dump).doesNotContain(PASSWORD).contains("$argon2id$v=19$");
        assertThat(cli.run("user", "list", "--output", "json").out()).doesNotContain(PASSWORD).doesNotContain("argon2");
    }
}
