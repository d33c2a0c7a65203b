package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several CLI processes appending to one embedded store at once keep the audit chain whole. */
class ConcurrentAuditTest {

    @TempDir
    Path folder;

    @Test
    void commandsStartedTogetherEachGetAnEntryAndTheChainStaysIntact() throws Exception {
        Cli cli = new Cli(folder);
        cli.run("user", "add", "bob", "--role", "deployer");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(CliProcess.start(folder, "out-" + i, "token", "create", "--user", "bob", "--name", "ci-" + i));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }

        Cli.Result verify = cli.run("audit", "verify");

        assertThat(verify.out()).as(verify.err()).startsWith("audit log intact: 4 entries");
        assertThat(cli.run("audit").out()).contains("user=bob name=ci-0").contains("user=bob name=ci-1")
                .contains("user=bob name=ci-2");
    }
}
