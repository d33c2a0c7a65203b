package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationPlanTest {

    @TempDir
    Path folder;

    @Test
    void planShowsTiersProbesMetricsThresholdsAndTheRulesThatApply() throws Exception {
        Cli cli = new Cli(folder);
        Path example = Path.of("examples/verification/sample.yaml").toAbsolutePath();
        cli.write("shipshape.yaml", Files.readString(example));

        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v2");

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains(
                "1. migrate  (tier database, on failure: rollback)",
                "2. deploy  (probe http://127.0.0.1:8080/health every 1s, max failures 0, max outage 2s, on failure: rollback)",
                "     verify/1  health  GET http://127.0.0.1:8080/health until healthy x3 (every 2s, within 1m)  [idempotent]",
                "           POST http://127.0.0.1:8080/api/orders  capture id",
                String.join("\n",
                        "     verify/4  analysis  probe http://127.0.0.1:8080/ every 5s x12: error-rate, p95-latency  [idempotent]",
                        "         metric error-rate  warning > 0.05, critical > 0.10",
                        "         metric p95-latency  critical > 2s",
                        "         inconclusive: fail",
                        "         rule error-rate critical -> rollback",
                        "         rule p95-latency critical -> pause",
                        "         rule error-rate warning -> alert",
                        "4. monitor"),
                "         sign off: error rate < 0.01 for 30m");
        assertThat(plan.out()).doesNotContain("rule smoke failed");
    }
}
