package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the terminal running a deployment. */
class CtrlCTest {

    @TempDir
    Path folder;

    @Test
    void ctrlCStopsTheCurrentStepRollsBackAndExits3() throws Exception {
        new Cli(folder).write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo started > started; sleep 60; echo finished > finished
                    rollback:
                      - run: echo undone > undone
                """);
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("started")));

        CliProcess.interrupt(deploy);

        assertThat(deploy.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(deploy.exitValue()).isEqualTo(3);
        String out = Files.readString(folder.resolve("deploy.out"));
        assertThat(out).contains("shipshape: cancelling (Ctrl-C again to quit at once; the run can then be resumed)")
                .containsPattern("run \\S+ rolled back: cancelled by alice \\(Ctrl-C\\)");
        assertThat(folder.resolve("undone")).exists();
        assertThat(folder.resolve("finished")).doesNotExist();
    }
}
