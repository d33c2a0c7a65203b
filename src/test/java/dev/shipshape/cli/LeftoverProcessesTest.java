package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.RunStore;
import dev.shipshape.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real shipshape process with SIGKILL while a step runs: the step's process group (bash and
 * its children) survives the engine. A resume, or a new run of the environment, stops it first.
 */
class LeftoverProcessesTest {

    /** Records its pid and a child's, then runs long the first time; once the engine was killed it ends at once. */
    private static final String STEP = "if [ -e killed-once ]; then echo again >> effects; exit 0; fi;"
            + " echo $$ > leader.pid; sleep 300 & echo $! > child.pid; touch started; wait; echo finished >> effects";

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: "%s"
                        idempotent: true
                """.formatted(STEP));
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (String file : List.of("leader.pid", "child.pid")) {
            if (Files.exists(folder.resolve(file))) {
                ProcessHandle.of(pid(file)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private String killDeployWhileTheStepRuns() throws Exception {
        Process deploy = CliProcess.start(folder, "deploy.out", "deploy", "--env", "staging", "--version", "v1");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("started")));
        await().atMost(Duration.ofSeconds(30)).until(this::groupRecorded); // a kill before that leaves nothing to find
        deploy.destroyForcibly().waitFor();
        Files.writeString(folder.resolve("killed-once"), "");
        assertThat(running(pid("leader.pid"))).as("the step's bash outlives the killed engine").isTrue();
        assertThat(running(pid("child.pid"))).as("and so does its child").isTrue();
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.runs(null, null, 1).getFirst().runId();
        }
    }

    @Test
    void resumeStopsTheProcessGroupAKilledEngineLeftBeforeItRunsTheStepAgain() throws Exception {
        String runId = killDeployWhileTheStepRuns();
        long group = pid("leader.pid");

        Cli.Result resumed = cli.run("resume", runId);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("step deploy/1 of run " + runId + " (process group " + group + ") was still"
                + " running (2 processes) after its engine stopped; stopped it (SIGTERM, SIGKILL after 5s) before run "
                + runId + " went on");
        assertThat(running(group)).isFalse();
        assertThat(running(pid("child.pid"))).isFalse();
        assertThat(Files.readAllLines(folder.resolve("effects"))).containsExactly("again");
        assertThat(events(runId)).anyMatch(e -> e.kind().equals("step.process") && e.subject().equals("deploy/1")
                && e.message().startsWith("process group " + group + " on "));
    }

    @Test
    void aNewRunOfTheEnvironmentStopsTheLeftoverGroupBeforeItsFirstStepAndRecordsItOnTheDeadRun() throws Exception {
        String deadRun = killDeployWhileTheStepRuns();
        assertThat(cli.run("unlock", "--env", "staging", "--reason", "the engine was killed").exitCode()).isZero();

        Cli.Result deployed = cli.run("deploy", "--env", "staging", "--version", "v2");

        assertThat(deployed.exitCode()).as(deployed.out() + deployed.err()).isZero();
        assertThat(deployed.out()).contains("step deploy/1 of run " + deadRun + " (process group " + pid("leader.pid")
                + ") was still running (2 processes) after its engine stopped");
        assertThat(running(pid("leader.pid"))).isFalse();
        assertThat(running(pid("child.pid"))).isFalse();
        assertThat(Files.readAllLines(folder.resolve("effects"))).containsExactly("again");
        assertThat(events(deadRun)).anyMatch(e -> e.kind().equals("process.stopped"));
    }

    @Test
    void aResumeReportsNothingWhenTheLeftoverGroupHasEndedAlready() throws Exception {
        String runId = killDeployWhileTheStepRuns();
        long group = pid("leader.pid");
        ProcessHandle.of(group).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid("child.pid")).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !running(group));

        Cli.Result resumed = cli.run("resume", runId);

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).doesNotContain("was still running");
    }

    private boolean groupRecorded() {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return !store.runningProcesses("shop-api", "staging").isEmpty();
        }
    }

    private List<EventRecord> events(String runId) {
        try (RunStore store = Stores.open(null, folder, Map.of())) {
            return store.events(runId);
        }
    }

    private long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(folder.resolve(file)).strip());
    }

    /** As /proc says: the process exists and is not a zombie (a killed orphan may wait a while to be reaped). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
