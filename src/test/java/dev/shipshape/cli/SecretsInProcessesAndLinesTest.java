package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-line secrets, secrets cut by long output, and secrets written into a command line. */
class SecretsInProcessesAndLinesTest {

    static final String FIRST = "pem-line-one-Q7x";
    static final String SECOND = "pem-line-two-Z4k";
    static final String TOKEN = "tok-9f8e7d6c5b4a";

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    void everyLineOfAMultiLineSecretIsMaskedInOutputLogsAndTheStoreFile() throws Exception {
        cli.write("shipshape.yaml", runbook("printf '%s\\n' \"$KEY\"; echo \"inline ${secret:KEY}\"\n"
                + "        env: {KEY: \"${secret:KEY}\"}"));
        cli.env.put("KEY", FIRST + "\n" + SECOND);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");
        Cli.Result logs = cli.run("logs", runId(), "deploy/1");

        assertThat(deploy.exitCode()).isEqualTo(0);
        assertThat(deploy.out()).contains("***\n").contains("inline ***");
        assertThat(logs.out()).contains("***");
        for (String seen : new String[] {deploy.out(), deploy.err(), logs.out(), storeBytes()}) {
            assertThat(seen).doesNotContain(FIRST).doesNotContain(SECOND);
        }
    }

    @Test
    void aSecretCutByTheSplitOfAVeryLongLineIsStillMasked() throws Exception {
        int beforeCut = 1024 * 1024 - 6;
        cli.write("shipshape.yaml", runbook("head -c " + beforeCut + " /dev/zero | tr '\\0' a; echo \"$KEY\"\n"
                + "        env: {KEY: \"${secret:KEY}\"}"));
        cli.env.put("KEY", TOKEN);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(deploy.exitCode()).isEqualTo(0);
        assertThat(deploy.out()).contains("| ***\n").doesNotContain(TOKEN.substring(6)).doesNotContain(TOKEN.substring(0, 6));
    }

    @Test
    void anInlineSecretReachesTheCommandThroughItsEnvironmentNotItsCommandLine() throws Exception {
        cli.write("shipshape.yaml", runbook("tr '\\0' ' ' < /proc/$$/cmdline > cmdline.txt;"
                + " printf %s \"${secret:DEPLOY_TOKEN}\" | sha256sum > sum.txt; echo \"token ${secret:DEPLOY_TOKEN}\""));
        cli.env.put("DEPLOY_TOKEN", TOKEN);

        Cli.Result deploy = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(deploy.exitCode()).isEqualTo(0);
        assertThat(deploy.out()).contains("token ***");
        assertThat(Files.readString(folder.resolve("cmdline.txt"))).doesNotContain(TOKEN)
                .contains("printf %s \"${SHIPSHAPE_SECRET_DEPLOY_TOKEN}\"");
        assertThat(Files.readString(folder.resolve("sum.txt"))).startsWith(sha256(TOKEN));
    }

    @Test
    void aChecklistCommandGetsItsSecretThroughItsEnvironmentNotItsCommandLine() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging:
                    checklist:
                      items:
                        - {name: token works, run: "tr '\\\\0' ' ' < /proc/$$/cmdline > cmdline.txt; test -n \\"${secret:DEPLOY_TOKEN}\\""}
                stages:
                  - name: deploy
                    steps:
                      - run: "true"
                """);
        cli.env.put("DEPLOY_TOKEN", TOKEN);

        Cli.Result checklist = cli.run("checklist", "--env", "staging", "--version", "v1");

        assertThat(checklist.exitCode()).as(checklist.out() + checklist.err()).isEqualTo(0);
        assertThat(Files.readString(folder.resolve("cmdline.txt"))).doesNotContain(TOKEN)
                .contains("${SHIPSHAPE_SECRET_DEPLOY_TOKEN}");
    }

    private static String runbook(String command) {
        return """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: %s
                """.formatted(command);
    }

    private String runId() {
        return cli.run("runs", "--output", "json").out().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
    }

    /** The raw bytes of every file of the embedded store, as text. */
    private String storeBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder.resolve(".shipshape"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).as("store bytes").isNotEmpty();
        return all.toString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
