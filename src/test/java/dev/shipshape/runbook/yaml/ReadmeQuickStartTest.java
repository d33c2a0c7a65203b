package dev.shipshape.runbook.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook README's quick start shows is one a user can copy as it is. */
class ReadmeQuickStartTest {

    @TempDir
    Path folder;

    @Test
    void theQuickStartRunbookIsValidAndItsRollbackGetsTheTokenItsDeployGets() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        Path file = folder.resolve("shipshape.yaml");
        Files.writeString(file, readme.substring(start, readme.indexOf("```", start)));

        Runbook runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(file);

        Stage deploy = runbook.stages().stream().filter(s -> s.name().equals("deploy")).findFirst().orElseThrow();
        RunStep forward = (RunStep) deploy.steps().getFirst();
        RunStep back = (RunStep) deploy.rollback().getFirst();
        assertThat(back.env()).isEqualTo(forward.env()).containsKey("API_TOKEN");
    }
}
