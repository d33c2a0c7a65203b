package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipshape init} on a real terminal: the CLI runs in its own JVM under {@code script}, which gives
 * it a pseudo-terminal as stdin and stdout, and the test types the answers.
 */
class InitAtATerminalTest {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path folder;

    @Test
    void asksForWhatTheOptionsLeaveOutWithTheDefaultsInBrackets() throws Exception {
        String screen = typeInto("shop-api\nqa,production\nhttp://127.0.0.1:9000/healthz\n", "init");

        assertThat(screen).contains("Service name [" + folderName() + "]: ",
                "Environments, comma-separated [staging,production]: ", "Health URL [http://127.0.0.1:8080/health]: ",
                "wrote shipshape.yaml: service shop-api, environments qa, production;");
        assertThat(screen).doesNotContain("assumed");
        String text = Files.readString(folder.resolve("shipshape.yaml"));
        assertThat(text).contains("service: shop-api\n", "  qa:\n", "  production:\n",
                "HEALTH_URL: \"http://127.0.0.1:9000/healthz\"");
        assertThat(new Cli(folder).run("validate").exitCode()).isEqualTo(0);
    }

    @Test
    void asksOnlyForWhatTheOptionsLeaveOut() throws Exception {
        String screen = typeInto("\n", "init", "--service", "shop-api", "--environments", "staging");

        assertThat(screen).doesNotContain("Service name", "Environments")
                .contains("Health URL [http://127.0.0.1:8080/health]: ", "wrote shipshape.yaml: service shop-api,"
                        + " environments staging\r\n");
        assertThat(Files.readString(folder.resolve("shipshape.yaml")))
                .contains("HEALTH_URL: \"http://127.0.0.1:8080/health\"");
    }

    @Test
    void anAnswerThatCannotBeUsedIsExplainedAndAskedAgain() throws Exception {
        String screen = typeInto("ftp://example.com\nhttps://shop.example.com/health\n", "init", "--service",
                "shop-api", "--environments", "staging");

        assertThat(screen).contains("'ftp://example.com' is not an http(s) URL: it needs http:// or https:// and a"
                + " host; e.g. http://127.0.0.1:8080/health\r\nHealth URL [http://127.0.0.1:8080/health]: ");
        assertThat(Files.readString(folder.resolve("shipshape.yaml")))
                .contains("HEALTH_URL: \"https://shop.example.com/health\"");
    }

    private String folderName() {
        return folder.getFileName().toString();
    }

    /** Runs {@code shipshape ARGS} on a pseudo-terminal, types {@code keys}, and returns what the screen showed. */
    private String typeInto(String keys, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(SCRIPT)) {
            String missing = "needs /usr/bin/script (util-linux: apt-get install util-linux) to give the CLI a terminal";
            assertThat(dev.shipshape.testing.CiMode.on()).as(missing).isFalse();
            Assumptions.abort(missing);
        }
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary, "-cp",
                System.getProperty("java.class.path"), "dev.shipshape.cli.Main"));
        command.addAll(List.of(args));
        String line = command.stream().map(InitAtATerminalTest::quoted).collect(Collectors.joining(" "));
        Path screen = folder.resolve("screen.txt");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-q", "-e", "-c", line, "/dev/null")
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(screen.toFile());
        builder.environment().put("SHIPSHAPE_USER", "alice");
        builder.environment().remove("CI");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(keys.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("init ended").isTrue();
        String shown = Files.readString(screen);
        Files.delete(screen);
        assertThat(process.exitValue()).as(shown).isEqualTo(0);
        return shown;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
