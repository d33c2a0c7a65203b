package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step whose executor throws (here: a probe URL that is not a URL once its secret is revealed). */
class StepCrashTest {

    static final String TOKEN = "tok en-with-a-space";

    @TempDir
    Path folder;

    @Test
    void aCrashingStepFailsAndRollsBackWithTheSecretRedacted() throws Exception {
        Cli cli = new Cli(folder);
        cli.env.put("TOKEN", TOKEN);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo deployed
                    rollback:
                      - run: echo undone
                  - name: verify
                    steps:
                      - analysis:
                          provider: probe
                          url: http://127.0.0.1:1/?token=${secret:TOKEN}
                          interval: 1s
                          duration: 1s
                          metrics:
                            - name: error-rate
                              critical: "> 0.10"
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.out()).contains("verify/1 failed: ").contains("undone");
        assertThat(result.out() + result.err()).doesNotContain(TOKEN).doesNotContain("this is a bug");
    }
}
