package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.State;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.yaml.RunbookLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFormatsTest {

    static final String RUNBOOK = """
            service: shop-api
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deployed ${version}
                    name: ship it
            """;

    @TempDir
    Path folder;

    @Test
    void deployWithJsonOutputPrintsOnlyTheRunAsJson() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v3", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(0);
        JsonNode run = new ObjectMapper().readTree(result.out());
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(run.path("version").asText()).isEqualTo("v3");
        assertThat(run.path("steps").get(0).path("id").asText()).isEqualTo("deploy/1");
        assertThat(run.path("steps").get(0).path("outputTail").asText()).isEqualTo("deployed v3\n");
    }

    @Test
    void logsOfOneStepPrintsItsOutputByIdOrName() throws Exception {
        Cli cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
        cli.run("deploy", "--env", "staging", "--version", "v3");
        String runId = new ObjectMapper().readTree(cli.run("runs", "--output", "json").out()).get(0).path("id").asText();

        assertThat(cli.run("logs", runId, "deploy/1").out()).isEqualTo("deployed v3\n");
        assertThat(cli.run("logs", runId, "ship it").out()).isEqualTo("deployed v3\n");
        Cli.Result missing = cli.run("logs", runId, "nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("shipshape: run " + runId + " has no step nope; its steps: deploy/1\n");
    }

    @Test
    void aTerminalGetsSymbolsAndColoursWhileLogsGetPlainMarkers() throws Exception {
        var plan = new Planner(Map.of()).deploy(new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(folder.resolve("shipshape.yaml"), RUNBOOK),
                "staging", "v3", null);
        Change done = new Change.StepChanged("r", Instant.EPOCH, "deploy/1", State.SUCCEEDED, 1, 0, "", 0, 1200L,
                "exit code 0");

        assertThat(render(new Terminal(true), plan, done)).isEqualTo("  \u001B[32m✓\u001B[0m deploy/1  ship it"
                + "  \u001B[90m1.2s\u001B[0m\n");
        assertThat(render(new Terminal(false), plan, done)).isEqualTo("  [ok]   deploy/1  ship it  1.2s\n");
    }

    @Test
    void aTerminalShowsTheRunningStepWithItsTimeAndLastLineInOneStatusLineClearedWhenItEnds() throws Exception {
        var plan = new Planner(Map.of()).deploy(new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(folder.resolve("shipshape.yaml"), RUNBOOK),
                "staging", "v3", null);
        StringWriter out = new StringWriter();
        LiveProgress progress = new LiveProgress(new PrintWriter(out, true), new Terminal(true), plan,
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofSeconds(30), 80);

        progress.changed(new Change.StepChanged("r", Instant.EPOCH, "deploy/1", State.RUNNING, 1, null, null, 0,
                null, "started"));
        progress.output("deploy/1", "migrating orders");
        String running = out.toString();
        progress.changed(new Change.StepChanged("r", Instant.EPOCH, "deploy/1", State.SUCCEEDED, 1, 0, "", 0, 1200L,
                "exit code 0"));

        assertThat(running).endsWith("\r\u001B[2K\u001B[90m  running deploy/1 (0s): migrating orders  · ship it"
                + "\u001B[0m");
        assertThat(out.toString().substring(running.length())).isEqualTo("\r\u001B[2K  \u001B[32m✓\u001B[0m"
                + " deploy/1  ship it  \u001B[90m1.2s\u001B[0m\n");
    }

    private static String render(Terminal terminal, dev.shipshape.plan.Plan plan, Change change) {
        StringWriter out = new StringWriter();
        new LiveProgress(new PrintWriter(out, true), terminal, plan).changed(change);
        return out.toString();
    }
}
