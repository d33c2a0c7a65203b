package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    /** The bad release fails half of its requests; the probe's window holds a handful of them, so near 0.5. */
    private static final Pattern BREACH = Pattern.compile("analysis failed: error rate (\\d\\.\\d+) > 0\\.10 \\(critical\\)");

    @TempDir
    Path folder;

    @Test
    void demoShipsAGoodReleaseAndRollsBackABadOneCaughtByAnalysis() {
        Cli.Result demo = new Cli(folder).run("demo");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        Matcher breach = BREACH.matcher(demo.out());
        assertThat(breach.find()).as(demo.out()).isTrue();
        assertThat(Double.parseDouble(breach.group(1))).as(breach.group()).isBetween(0.3, 0.7);
        assertThat(demo.out()).contains("Demo done: v1.0.0 went live; v1.1.0 failed verification and was rolled back"
                + " to v1.0.0 automatically (exit code 3).");
    }
}
