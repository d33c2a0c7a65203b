package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunStore;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store across processes: usable from a second process while a run holds it open,
 * and durable when the process writing it is killed.
 */
class SecondProcessTest {

    @TempDir
    Path home;

    @Test
    void anotherProcessCanCancelARunWhileTheStoreIsOpen() throws Exception {
        try (RunStore store = Stores.open(null, home, Map.of())) {
            store.create(SampleRuns.deploy("r-1"));

            Process other = javaProcess(CancelFromAnotherProcess.class, home.toString(), "r-1");
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("other process finished").isTrue();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(other.exitValue()).as("exit code; output:\n" + output).isZero();
            assertThat(output).contains("RUNNING");
            assertThat(store.cancelRequest("r-1")).contains("bob: from another terminal");
        }
    }

    @Test
    void recordedChangesSurviveKillDashNine() throws Exception {
        Process doomed = javaProcess(RecordThenHang.class, home.toString());
        BufferedReader output = new BufferedReader(new InputStreamReader(doomed.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("recorded");

        doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (RunStore store = Stores.open(null, home, Map.of())) {
            assertThat(store.run("r-1")).map(RunRecord::status).contains(RunStatus.SUCCEEDED);
            assertThat(store.events("r-1")).hasSize(2);
        }
    }

    /** The same java and test classpath as this JVM (surefire names its full classpath in a property). */
    static Process javaProcess(Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
