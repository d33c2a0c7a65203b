package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store is usable from a second process while a run holds it open. */
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

    /** The same java and test classpath as this JVM (surefire names its full classpath in a property). */
    static Process javaProcess(Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
