package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit 3 means something was undone: a failed run whose rollback undid nothing (no rollback steps, or a
 * first deploy with no earlier version to return to) ends failed, exit 1, saying there was nothing to undo.
 */
class NothingToUndoTest {

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    private void runbook(String rollback) throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: test ${version} != bad
                %s
                """.formatted(rollback));
    }

    @Test
    void aFirstDeployThatFailsSkipsTheRollbackToAPreviousVersionAndEndsFailed() throws Exception {
        runbook("""
                    rollback:
                      - run: echo back to ${previous_version} > undone
                """);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "bad");

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isEqualTo(1);
        assertThat(deploy.out()).containsPattern("run \\S+ failed: deploy/1 failed: exit code 1 \\(expected 0\\);"
                + " nothing to undo: deploy has nothing to roll back to on a first deploy \\(no earlier version in"
                + " staging\\)\n");
        assertThat(folder.resolve("undone")).doesNotExist();
    }

    @Test
    void aLaterDeployThatFailsRollsBackToTheLiveVersion() throws Exception {
        runbook("""
                    rollback:
                      - run: echo back to ${previous_version} > undone
                """);
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v1").exitCode()).isZero();

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "bad");

        assertThat(deploy.exitCode()).as(deploy.out()).isEqualTo(3);
        assertThat(deploy.out()).containsPattern("run \\S+ rolled back: deploy/1 failed: exit code 1");
        assertThat(folder.resolve("undone")).hasContent("back to v1");
    }

    @Test
    void aFailedStageWithoutRollbackStepsEndsFailedWithNothingToUndo() throws Exception {
        runbook("");

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "bad");

        assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isEqualTo(1);
        assertThat(deploy.out()).containsPattern("run \\S+ failed: deploy/1 failed: exit code 1 \\(expected 0\\);"
                + " nothing to undo: no stage that ran has rollback steps\n");
    }

    @Test
    void planWarnsThatAFirstDeployHasNothingToRollBackTo() throws Exception {
        runbook("""
                    rollback:
                      - run: echo back to ${previous_version}
                """);
        String warning = "     warning: nothing to roll back to on a first deploy: the rollback uses"
                + " ${previous_version} and no version is live in staging yet; a failure here is not undone\n";

        Cli.Result first = cli.run("plan", "--env", "staging", "--version", "v1");
        cli.run("deploy", "--env", "staging", "--version", "v1");
        Cli.Result second = cli.run("plan", "--env", "staging", "--version", "v2");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains(warning);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).doesNotContain("warning:").contains("echo back to v1");
    }
}
