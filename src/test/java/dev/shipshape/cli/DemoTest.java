package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @TempDir
    Path folder;

    @Test
    void demoShipsAGoodReleaseAndRollsBackABadOneCaughtByAnalysis() {
        Cli.Result demo = new Cli(folder).run("demo");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("analysis failed: error rate 0.5 > 0.10 (critical)",
                "Demo done: v1.0.0 went live; v1.1.0 failed verification and was rolled back to v1.0.0 automatically"
                        + " (exit code 3).");
    }
}
