package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A URL that can never be requested is a problem of the runbook, found by validate, not at run time. */
class UrlValidationTest {

    @TempDir
    Path folder;

    @Test
    void aLiteralUrlWithoutSchemeOrHostIsAValidationErrorWithItsPosition() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging:
                    vars: {BASE_URL: "http://127.0.0.1:8080"}
                    checklist:
                      items:
                        - {name: staging up, http: "ftp://staging"}
                stages:
                  - name: verify
                    steps:
                      - http: not-a-url
                      - health: localhost:8080/health
                      - http: ${vars.BASE_URL}/health
                """);

        Cli.Result result = cli.run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("shipshape: shipshape.yaml: 3 problems\n")
                .contains("shipshape.yaml:7:36: environments.staging.checklist.items[0].http: 'ftp://staging' is not"
                        + " an http(s) URL: it needs http:// or https:// and a host; e.g. http://127.0.0.1:8080/health")
                .contains("shipshape.yaml:11:15: stages[0].steps[0].http: 'not-a-url' is not an http(s) URL")
                .contains("shipshape.yaml:12:17: stages[0].steps[1].health: 'localhost:8080/health' is not an")
                .doesNotContain("BASE_URL", "Exception", "undefined scheme");
    }

    @Test
    void aUrlThatIsNoUrlOnceResolvedFailsTheStepInWords() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging:
                    vars: {BASE_URL: "127.0.0.1:8080"}
                stages:
                  - name: verify
                    on_failure: stop
                    steps:
                      - http: ${vars.BASE_URL}/health
                """);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("verify/1 failed: invalid request: '127.0.0.1:8080/health' is not an http(s)"
                + " URL: it needs http:// or https:// and a host").doesNotContain("undefined scheme");
    }
}
