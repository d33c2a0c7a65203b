package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many commands started at once on one embedded store, and a store whose owner was killed. */
class ConcurrentStartsTest {

    private static final int COMMANDS = 10;

    @TempDir
    Path folder;

    @Test
    void deploysStartedAtOnceEachRunOrReportTheEnvironmentLockNeverAStoreFailure() throws Exception {
        new Cli(folder).write("shipshape.yaml", runbook("sleep 2"));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            processes.add(CliProcess.start(folder, "deploy" + i + ".out", "deploy", "--env", "staging",
                    "--version", "v" + i));
        }
        int succeeded = 0;
        for (int i = 0; i < COMMANDS; i++) {
            int code = processes.get(i).waitFor();
            String output = Files.readString(folder.resolve("deploy" + i + ".out"));
            if (code == 0) {
                succeeded++;
                assertThat(output).contains("succeeded");
            } else {
                assertThat(code).as(output).isEqualTo(1);
                assertThat(output).as("deploy %d", i).containsPattern("shipshape: staging of shop-api is locked by"
                        + " run \\S+ ");
            }
            assertThat(output).doesNotContain("\tat ", "Exception", "could not open the run store");
        }
        assertThat(succeeded).isPositive();
        try (Stream<Path> files = Files.list(folder.resolve(".shipshape"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    @Test
    void afterTheOwnerIsKilledTheStoreOpensAtOnceAndItsLockFileIsGone() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", runbook("echo started; sleep 120"));
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(folder.resolve("deploy.out")).contains("| started"));
        deploy.destroyForcibly().waitFor();
        Path lockFile = folder.resolve(".shipshape/store.lock.db");
        assertThat(lockFile).exists();

        Cli.Result runs = cli.run("runs");

        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("v1");
        assertThat(lockFile).doesNotExist();
    }

    private static String runbook(String command) {
        return """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: %s
                """.formatted(command);
    }
}
