package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runbooks that are too big, have a line or value too long, or are not UTF-8 are refused before parsing. */
class RunbookFileLimitsTest {

    private static final String HEAD = "service: shop-api\nenvironments:\n  staging: {}\nstages:\n"
            + "  - name: build\n    steps:\n";
    /** Generous: refusing takes milliseconds; parsing such files took minutes. */
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void aRunbookThatIsNotUtf8SaysSoWithTheLineAndColumnOfTheFirstBadByte() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEAD + "      - run: echo café ").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("shipshape.yaml"), bytes.toByteArray());

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: shipshape.yaml: 1 problem\n"
                + "  shipshape.yaml:7:24: the runbook is not UTF-8 text: byte 0xFF cannot start or continue a UTF-8"
                + " character here (save the file as UTF-8)\n");
    }

    @Test
    void aRunbookOverOneMebibyteIsRefusedQuicklyWithItsSize() throws Exception {
        cli.write("shipshape.yaml", HEAD + "      - run: echo " + "a".repeat(8 * 1024 * 1024) + "\n");

        Cli.Result result = assertTimeoutPreemptively(QUICKLY, () -> cli.run("validate"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: shipshape.yaml: 1 problem\n"
                + "  shipshape.yaml: the runbook is 8388708 bytes, over the limit of 1048576 bytes (a runbook this"
                + " big is likely not the file you meant; set SHIPSHAPE_RUNBOOK_MAX_BYTES to accept bigger ones)\n");
    }

    @Test
    void theSizeLimitIsSetBySHIPSHAPE_RUNBOOK_MAX_BYTES() throws Exception {
        cli.write("shipshape.yaml", HEAD + "      - run: make\n");
        cli.env.put("SHIPSHAPE_RUNBOOK_MAX_BYTES", "50");

        Cli.Result small = cli.run("validate");
        cli.env.put("SHIPSHAPE_RUNBOOK_MAX_BYTES", "lots");
        Cli.Result wrong = cli.run("validate");

        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("the runbook is 99 bytes, over the limit of 50 bytes");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("shipshape: SHIPSHAPE_RUNBOOK_MAX_BYTES=lots is not a size in bytes;"
                + " use a positive whole number, e.g. 2097152\n");
    }

    @Test
    void aVeryLongLineIsRefusedQuicklyWithItsLineNumber() throws Exception {
        cli.write("shipshape.yaml", HEAD + "      - run: echo " + "a".repeat(1_600_000) + "\n");
        cli.env.put("SHIPSHAPE_RUNBOOK_MAX_BYTES", "16777216");

        Cli.Result result = assertTimeoutPreemptively(QUICKLY, () -> cli.run("validate"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: shipshape.yaml: 1 problem\n"
                + "  shipshape.yaml:7:65537: line 7 is 1600018 characters long, over the limit of 65536 (split the"
                + " value over several lines (a '|' block), or read it from a file in the step)\n");
    }

    @Test
    void aValueOverTheLimitIsRefusedAtItsPosition() throws Exception {
        String block = ("          echo " + "b".repeat(60) + "\n").repeat(1200);
        cli.write("shipshape.yaml", HEAD + "      - run: |\n" + block);

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("shipshape: shipshape.yaml: 1 problem\n"
                + "  shipshape.yaml:7:14: stages[0].steps[0].run: the value is 79200 characters long, over the"
                + " limit of 65536 (keep long scripts and data in files the step reads)\n");
    }
}
