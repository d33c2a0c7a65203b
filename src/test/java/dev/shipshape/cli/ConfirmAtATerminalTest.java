package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A confirm step at a real terminal: {@code shipshape run} in its own JVM under {@code script} (a pseudo-terminal as
 * stdin and stdout); the operator who started the run types yes when asked, and that is recorded as theirs.
 */
class ConfirmAtATerminalTest {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path folder;

    @Test
    void theOperatorConfirmsTheirOwnRunByTypingYes() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deploy
                procedures:
                  scale:
                    description: scale the pool by hand
                    steps:
                      - name: scaled
                        confirm: Scale the pool in the provider's console, then confirm
                      - run: echo after >> journal
                """);
        if (!Files.isExecutable(SCRIPT)) {
            String missing = "needs /usr/bin/script (util-linux: apt-get install util-linux) to give the CLI a terminal";
            assertThat(dev.shipshape.testing.CiMode.on()).as(missing).isFalse();
            Assumptions.abort(missing);
        }
        Path screen = folder.resolve("screen.txt");
        Process process = underTerminal(screen, "run", "scale", "--env", "staging");
        try (OutputStream keys = process.getOutputStream()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(screen)
                    && Files.readString(screen).contains("to confirm as alice"));
            keys.write("yes, scaled to 200\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("run ended").isTrue();
        }
        String runId = new ObjectMapper().readTree(cli.run("runs", "--output", "json").out()).get(0).path("id")
                .asText();
        Cli.Result show = cli.run("show", runId);

        assertThat(process.exitValue()).as(Files.readString(screen)).isZero();
        assertThat(Files.readAllLines(folder.resolve("journal"))).containsExactly("after");
        assertThat(show.out()).containsPattern("scale/1 +succeeded .* scaled  \\(confirmed by alice at \\S+Z:"
                + " scaled to 200\\)");
    }

    private Process underTerminal(Path screen, String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary, "-cp",
                System.getProperty("java.class.path"), "dev.shipshape.cli.Main"));
        command.addAll(List.of(args));
        String line = command.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", line, "/dev/null")
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(screen.toFile());
        builder.environment().put("SHIPSHAPE_USER", "alice");
        builder.environment().put("TERM", "xterm");
        builder.environment().remove("CI");
        builder.environment().remove("NO_COLOR");
        return builder.start();
    }
}
