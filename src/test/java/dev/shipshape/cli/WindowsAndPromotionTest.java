package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployment windows and promotion, judged by the clock the CLI is given. */
class WindowsAndPromotionTest {

    private static final String RUNBOOK = """
            service: shop-api
            environments:
              staging:
                windows:
                  timezone: America/Los_Angeles
                  allow: ["Mon-Fri 09:00-17:00"]
                  wait_for_window: 2h
              production:
                promote_from: staging
                soak: 48h
                windows:
                  timezone: America/Los_Angeles
                  allow: ["Mon-Thu 10:00-16:00"]
                  deny: ["2026-01-28..2026-01-30", "Fri 14:00-24:00"]
            stages:
              - name: deploy
                steps:
                  - run: echo "${environment} ${version}" >> deployed
            """;

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    private void at(String time) {
        cli.clock = Clock.fixed(OffsetDateTime.parse(time).toInstant(), ZoneOffset.UTC);
    }

    private String deployed() throws Exception {
        Path file = folder.resolve("deployed");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void planAtAMomentInTheEventBlackoutExitsFiveAndNamesTheNextWindow() {
        Cli.Result blocked = cli.run("plan", "--env", "staging", "--version", "v1", "--at", "2026-01-29T10:00-08:00");
        Cli.Result production = cli.run("plan", "--env", "production", "--version", "v1", "--at",
                "2026-01-29T10:00-08:00");

        assertThat(blocked.exitCode()).isEqualTo(0);
        assertThat(production.exitCode()).isEqualTo(5);
        assertThat(production.out()).contains("gates (as of 2026-01-29T18:00:00Z):\n"
                + "  [block]  window     Thu 2026-01-29 10:00 PST is inside the denied window \"2026-01-28..2026-01-30\";"
                + " next window opens Mon 2026-02-02 10:00 PST\n"
                + "  [block]  promotion  v1 has not succeeded in staging yet; deploy it there first\n");
    }

    @Test
    void planOnAFridayAfternoonShowsTheDeniedWindow() {
        Cli.Result result = cli.run("plan", "--env", "production", "--version", "v1", "--at", "2026-01-23T15:00-08:00");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.out()).contains("[block]  window     Fri 2026-01-23 15:00 PST is inside the denied window"
                + " \"Fri 14:00-24:00\"; next window opens Mon 2026-01-26 10:00 PST");
    }

    @Test
    void planWithAMomentThatIsNotOneIsAUsageError() {
        Cli.Result result = cli.run("plan", "--env", "production", "--version", "v1", "--at", "Friday afternoon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: --at 'Friday afternoon' is not a moment; write e.g."
                + " 2026-01-29T10:00-08:00 or 2026-01-29T18:00Z\n");
    }

    @Test
    void deployInTheBlackoutIsRefusedRecordedAndRunsNothing() throws Exception {
        at("2026-01-29T10:00-08:00");

        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).isEqualTo("""
                shipshape: refused by the window and promotion gates; nothing was started
                  window: Thu 2026-01-29 10:00 PST is inside the denied window "2026-01-28..2026-01-30"; next window \
                opens Mon 2026-02-02 10:00 PST
                  promotion: v1 has not succeeded in staging yet; deploy it there first
                  in an emergency: shipshape deploy --env production --version v1 --override-window --reason "..."
                """);
        assertThat(deployed()).isEmpty();
        try (Store store = Store.open(null, folder, Map.of())) {
            assertThat(store.runs().runs(null, null, 10)).isEmpty();
            assertThat(store.gates().recent("shop-api", "production", 10))
                    .extracting(d -> d.runId() + " " + d.gate() + " " + d.verdict() + " by " + d.decidedBy())
                    .containsExactly("null promotion block by alice", "null window block by alice");
        }
    }

    @Test
    void gatesHistoryListsRefusalsThatStartedNoRun() throws Exception {
        at("2026-01-29T10:00-08:00");
        cli.run("deploy", "--env", "production", "--version", "v1");
        at("2026-01-26T10:00-08:00");
        String runId = runIdOf(cli.run("deploy", "--env", "staging", "--version", "v1"));

        Cli.Result refusals = cli.run("gates", "history", "--env", "production");
        Cli.Result staging = cli.run("gates", "history", "--env", "staging", "--refused");
        Cli.Result stagingAll = cli.run("gates", "history", "--env", "staging", "--output", "json");

        assertThat(refusals.exitCode()).isEqualTo(0);
        assertThat(refusals.out()).isEqualTo("""
                2026-01-29T18:00:00Z  v1  promotion block  by alice  (refused): v1 has not succeeded in staging yet; \
                deploy it there first
                2026-01-29T18:00:00Z  v1  window block  by alice  (refused): Thu 2026-01-29 10:00 PST is inside the \
                denied window "2026-01-28..2026-01-30"; next window opens Mon 2026-02-02 10:00 PST
                """);
        assertThat(staging.exitCode()).isEqualTo(0);
        assertThat(staging.out()).isEqualTo("no gate refusals recorded for shop-api in staging\n");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stagingAll.out());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("runId").asText() + " " + json.get(0).path("gate").asText() + " "
                + json.get(0).path("verdict").asText()).isEqualTo(runId + " window pass");
    }

    @Test
    void gatesHistorySaysAPassingGateOfARefusedAttemptPassedAndOnlyTheBlockRefused() throws Exception {
        at("2026-01-26T10:00-08:00");
        cli.run("deploy", "--env", "staging", "--version", "v1");
        at("2026-01-29T10:00-08:00");
        cli.run("deploy", "--env", "production", "--version", "v1");

        Cli.Result all = cli.run("gates", "history", "--env", "production");
        Cli.Result refusals = cli.run("gates", "history", "--env", "production", "--refused");

        assertThat(all.out()).contains("  v1  promotion pass  by alice  (passed; the attempt was refused by another"
                + " gate): v1 succeeded in staging")
                .contains("  v1  window block  by alice  (refused): Thu 2026-01-29 10:00 PST");
        assertThat(refusals.out()).contains("window block").doesNotContain("promotion pass");
    }

    @Test
    void gatesHistoryWithoutAnEnvironmentIsAUsageError() {
        Cli.Result result = cli.run("gates", "history");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("shipshape: Missing required option: '--env=<environment>'");
    }

    @Test
    void promotionIsRefusedUntilStagingHasSoakedFor48Hours() throws Exception {
        at("2026-01-26T10:00-08:00");
        assertThat(cli.run("deploy", "--env", "staging", "--version", "v2").exitCode()).isEqualTo(0);

        at("2026-01-27T10:00-08:00");
        Cli.Result early = cli.run("deploy", "--env", "production", "--version", "v2");
        at("2026-02-02T10:00-08:00");
        Cli.Result soaked = cli.run("deploy", "--env", "production", "--version", "v2");

        assertThat(early.exitCode()).isEqualTo(5);
        assertThat(early.err()).contains("  promotion: v2 has soaked in staging for 24h of 48h; it may be promoted"
                + " from 2026-01-28T18:00:00Z\n");
        assertThat(soaked.exitCode()).as(soaked.err()).isEqualTo(0);
        assertThat(soaked.out()).contains("[pass]   promotion  v2 succeeded in staging 168h ago with no failure since"
                + " (soak 48h); no analysis was recorded in staging during the soak: judged by run outcomes and time"
                + " alone\n");
        assertThat(deployed()).isEqualTo("staging v2\nproduction v2\n");
    }

    @Test
    void aFailedRunInStagingDuringTheSoakBlocksPromotion() throws Exception {
        at("2026-01-26T10:00-08:00");
        cli.run("deploy", "--env", "staging", "--version", "v2");
        cli.write("shipshape.yaml", RUNBOOK.replace("echo \"${environment} ${version}\" >> deployed", "exit 3"));
        at("2026-01-26T11:00-08:00");
        cli.run("deploy", "--env", "staging", "--version", "v3");
        cli.write("shipshape.yaml", RUNBOOK);

        at("2026-02-02T10:00-08:00");
        Cli.Result result = cli.run("deploy", "--env", "production", "--version", "v2");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).containsPattern("  promotion: v2 did not stay healthy in staging: run \\S+ \\(v3\\)"
                + " failed\n");
    }

    @Test
    void anOverrideNeedsAReason() {
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--override-window");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("shipshape: --override-window needs --reason \"...\": say why the"
                + " deployment cannot wait for the next window\n");
    }

    @Test
    void anOverrideOutsideProductionNeedsOnlyAReasonAndIsShownOnTheRun() {
        at("2026-01-31T12:00-08:00");

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--override-window", "--reason",
                "checkout is down");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        String runId = runIdOf(result);
        Cli.Result shown = cli.run("show", runId);
        assertThat(shown.out()).contains("  gates:\n    window overridden — overridden by alice: checkout is down"
                + " (Sat 2026-01-31 12:00 PST is outside the allowed windows \"Mon-Fri 09:00-17:00\"; next window opens"
                + " Mon 2026-02-02 09:00 PST) (by alice)\n");
    }

    @Test
    void showAsJsonListsTheRunsGateDecisionsLikeTheText() throws Exception {
        at("2026-01-31T12:00-08:00");
        String runId = runIdOf(cli.run("deploy", "--env", "staging", "--version", "v1", "--override-window", "--reason",
                "checkout is down"));

        Cli.Result shown = cli.run("show", runId, "--output", "json");

        assertThat(shown.exitCode()).isEqualTo(0);
        var gates = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shown.out()).path("gates");
        assertThat(gates.size()).isEqualTo(1);
        assertThat(gates.get(0).path("runId").asText()).isEqualTo(runId);
        assertThat(gates.get(0).path("gate").asText() + " " + gates.get(0).path("verdict").asText() + " by "
                + gates.get(0).path("decidedBy").asText() + " at " + gates.get(0).path("at").asText())
                .isEqualTo("window overridden by alice at 2026-01-31T20:00:00Z");
        assertThat(gates.get(0).path("reason").asText()).startsWith("overridden by alice: checkout is down (Sat");
    }

    @Test
    void waitsForAWindowThatOpensWithinTheWaitingLimitThenDeploys() throws Exception {
        at("2026-01-26T08:59:58-08:00");

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("waiting for the deployment window: Mon 2026-01-26 08:59 PST is outside the"
                + " allowed windows \"Mon-Fri 09:00-17:00\"; next window opens Mon 2026-01-26 09:00 PST\n"
                + "  [pass]   window     Mon 2026-01-26 09:00 PST is inside the allowed window \"Mon-Fri 09:00-17:00\"");
        assertThat(deployed()).isEqualTo("staging v1\n");
    }

    @Test
    void withJsonOutputTheGatesGoToStderrAndStdoutStaysJson() throws Exception {
        at("2026-01-26T10:00-08:00");

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out()).path("status").asText())
                .isEqualTo("succeeded");
        assertThat(result.err()).isEqualTo("  [pass]   window     Mon 2026-01-26 10:00 PST is inside the allowed window"
                + " \"Mon-Fri 09:00-17:00\"\n");
    }

    static String runIdOf(Cli.Result result) {
        var m = java.util.regex.Pattern.compile("run (\\S+) (succeeded|failed|rolled back|halted)").matcher(result.out());
        assertThat(m.find()).as(result.out()).isTrue();
        return m.group(1);
    }

    static RunRecord latest(Path folder) {
        try (Store store = Store.open(null, folder, Map.of())) {
            return store.runs().runs(null, null, 1).getFirst();
        }
    }

    static void assertStatus(Path folder, RunStatus status) {
        assertThat(latest(folder).status()).isEqualTo(status);
    }

    static Duration seconds(int n) {
        return Duration.ofSeconds(n);
    }
}
