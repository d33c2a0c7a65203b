package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.engine.State;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command shares: --output json for its result and its failure, exit codes, and "did you mean". */
class CliConventionsTest {

    static final String RUNBOOK = """
            service: shop-api
            people:
              alice: [dev]
              bob: [lead]
              carol: [sre]
            environments:
              staging: {}
            stages:
              - name: build
                steps:
                  - run: echo built ${version}
                    name: compile
                    timeout: 2m
                rollback:
                  - run: echo undo build
              - name: deploy
                needs: [build]
                steps:
                  - run: echo deployed ${version}
            """;

    static final String WITH_CHECKLIST = RUNBOOK.replace("  staging: {}\n", """
              staging:
                checklist:
                  items:
                    - {name: token set, env: DEPLOY_TOKEN}
                    - {name: qa done, sign_off: [lead]}
            """);

    static final String WAITS_FOR_APPROVAL = """
            service: shop-api
            people:
              alice: [dev]
              bob: [lead]
              carol: [sre]
            environments:
              staging: {}
            stages:
              - name: gate
                steps:
                  - approval: {count: 2, roles: [lead, sre], expires: 4h}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(folder);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    @Test
    void planAsJsonHasTheStagesInOrderWithTheirStepsRollbackAndGates() throws Exception {
        cli.write("shipshape.yaml", WITH_CHECKLIST);
        Cli.Result plan = cli.run("plan", "--env", "staging", "--version", "v2", "--output", "json");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode json = JSON.readTree(plan.out());
        assertThat(json.path("service").asText()).isEqualTo("shop-api");
        assertThat(json.path("version").asText()).isEqualTo("v2");
        assertThat(json.path("stages").findValuesAsText("name")).containsExactly("build", "deploy");
        JsonNode build = json.path("stages").get(0);
        assertThat(build.path("steps").get(0).path("id").asText()).isEqualTo("build/1");
        assertThat(build.path("steps").get(0).path("kind").asText()).isEqualTo("run");
        assertThat(build.path("steps").get(0).path("summary").asText()).isEqualTo("echo built v2");
        assertThat(build.path("steps").get(0).path("timeout").asText()).isEqualTo("2m");
        assertThat(build.path("rollback").get(0).path("id").asText()).isEqualTo("build/rollback/1");
        assertThat(json.path("stages").get(1).path("needs").get(0).asText()).isEqualTo("build");
        assertThat(json.path("gates").path("verdict").asText()).isEqualTo("pass");
        assertThat(json.path("gates").path("checklistItems").asInt()).isEqualTo(2);
    }

    @Test
    void logsAsJsonHasEachStepsOutputAndTheEventLog() throws Exception {
        cli.run("deploy", "--env", "staging", "--version", "v3");
        String runId = onlyRunId();

        JsonNode logs = json(cli.run("logs", runId, "--output", "json"), 0);
        JsonNode one = json(cli.run("logs", runId, "deploy/1", "--output", "json"), 0);
        JsonNode events = json(cli.run("logs", runId, "--events", "--output", "json"), 0);
        JsonNode follow = json(cli.run("logs", runId, "--follow", "--output", "json"), ExitCode.USAGE);

        assertThat(logs.path("runId").asText()).isEqualTo(runId);
        assertThat(logs.path("steps").findValuesAsText("id")).containsExactly("build/1", "deploy/1");
        assertThat(logs.path("steps").get(0).path("output").asText()).isEqualTo("built v3\n");
        assertThat(one.path("steps").findValuesAsText("output")).containsExactly("deployed v3\n");
        assertThat(events.path("events").findValuesAsText("kind")).isNotEmpty();
        assertThat(events.path("events").get(0).path("at").asText()).isNotEmpty();
        assertThat(follow.path("error").path("message").asText()).isEqualTo("--follow prints output as it comes and"
                + " cannot be combined with --output json; leave one out");
    }

    @Test
    void checklistAndItsSignOffAsJson() throws Exception {
        cli.write("shipshape.yaml", WITH_CHECKLIST);
        cli.env.put("DEPLOY_TOKEN", "set");
        Cli bob = new Cli(folder);
        bob.env.put("SHIPSHAPE_USER", "bob");

        JsonNode signed = json(bob.run("checklist", "--env", "staging", "--version", "v2", "--sign", "qa done",
                "--output", "json"), 0);
        JsonNode checklist = json(cli.run("checklist", "--env", "staging", "--version", "v2", "--output", "json"), 0);

        assertThat(signed.path("item").asText()).isEqualTo("qa done");
        assertThat(signed.path("by").asText()).isEqualTo("bob (lead)");
        assertThat(checklist.path("items").findValuesAsText("item")).containsExactly("token set", "qa done");
        assertThat(checklist.path("items").findValuesAsText("passed")).containsExactly("true", "true");
        assertThat(checklist.path("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void unlockAsJsonSaysWhetherAndFromWhomTheLockWasTaken() throws Exception {
        try (Store store = Store.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.runs().tryLock("shop-api", "staging", "other-run", "elsewhere:42", now.minusSeconds(120),
                    now.minusSeconds(60));
        }

        JsonNode unlocked = json(cli.run("unlock", "--env", "staging", "--reason", "crashed", "--output", "json"), 0);
        JsonNode again = json(cli.run("unlock", "--env", "staging", "--reason", "twice", "--output", "json"), 0);

        assertThat(unlocked.path("unlocked").asBoolean()).isTrue();
        assertThat(unlocked.path("heldBy").path("runId").asText()).isEqualTo("other-run");
        assertThat(unlocked.path("heldBy").path("holder").asText()).isEqualTo("elsewhere:42");
        assertThat(again.path("unlocked").asBoolean()).isFalse();
        assertThat(again.has("heldBy")).isFalse();
    }

    @Test
    void approveRejectAndCancelPrintTheirDecisionAsJson() throws Exception {
        cli.write("shipshape.yaml", WAITS_FOR_APPROVAL);
        CompletableFuture<Cli.Result> first = CompletableFuture.supplyAsync(
                () -> cli.run("deploy", "--env", "staging", "--version", "v1"));
        String runId = waitingRun(null);

        JsonNode approved = json(as("bob").run("approve", runId, "--comment", "fine", "--output", "json"), 0);
        JsonNode rejected = json(as("carol").run("reject", runId, "--reason", "not now", "--output", "json"), 0);
        first.get(30, TimeUnit.SECONDS);
        CompletableFuture<Cli.Result> second = CompletableFuture.supplyAsync(
                () -> cli.run("deploy", "--env", "staging", "--version", "v2"));
        String secondId = waitingRun(runId);
        JsonNode cancelled = json(as("bob").run("cancel", secondId, "--reason", "wrong version", "--output", "json"), 0);
        second.get(30, TimeUnit.SECONDS);

        assertThat(approved.path("decision").asText()).isEqualTo("approved");
        assertThat(approved.path("runId").asText()).isEqualTo(runId);
        assertThat(approved.path("stepId").asText()).isEqualTo("gate/1");
        assertThat(approved.path("by").asText()).isEqualTo("bob (lead)");
        assertThat(approved.path("comment").asText()).isEqualTo("fine");
        assertThat(approved.path("standing").asText()).isEqualTo("1 of 2 approvals (bob)");
        assertThat(rejected.path("decision").asText()).isEqualTo("rejected");
        assertThat(rejected.path("comment").asText()).isEqualTo("not now");
        assertThat(cancelled.path("runId").asText()).isEqualTo(secondId);
        assertThat(cancelled.path("outcome").asText()).isEqualTo("requested");
        assertThat(cancelled.path("reason").asText()).isEqualTo("wrong version");
    }

    @Test
    void aFailingCommandUnderJsonPrintsOneErrorObjectWithTheExitCodeOfTextMode() throws Exception {
        Cli.Result text = cli.run("show", "nope");
        Cli.Result result = cli.run("show", "nope", "--output", "json");

        assertThat(text.exitCode()).isEqualTo(ExitCode.USAGE);
        JsonNode error = json(result, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("not_found");
        assertThat(error.path("message").asText()).isEqualTo("no run nope; list runs with: shipshape runs");
        assertThat(error.path("details").isObject()).isTrue();
        assertThat(result.err()).isEqualTo(text.err());
    }

    @Test
    void aUsageErrorUnderJsonIsAnErrorObjectToo() throws Exception {
        Cli.Result result = cli.run("plan", "--version", "v1", "-o", "json");

        JsonNode error = json(result, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("usage");
        assertThat(error.path("message").asText()).isEqualTo("Missing required option: '--env=<environment>'");
        assertThat(error.path("details").path("command").asText()).isEqualTo("shipshape plan");
    }

    @Test
    void aLockedEnvironmentUnderJsonExitsOneWithCodeLocked() throws Exception {
        try (Store store = Store.open(null, folder, Map.of())) {
            Instant now = Instant.now();
            store.runs().tryLock("shop-api", "staging", "other-run", "elsewhere:42", now, now.plusSeconds(600));
        }

        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--output", "json");

        JsonNode error = json(result, ExitCode.FAILED).path("error");
        assertThat(error.path("code").asText()).isEqualTo("locked");
        assertThat(result.err()).startsWith("shipshape: " + error.path("message").asText());
    }

    @Test
    void aDeploymentTheGatesRefuseUnderJsonIsABlockedErrorListingTheGates() throws Exception {
        cli.write("shipshape.yaml", WITH_CHECKLIST.replace("    checklist:\n", "    checklist:\n      strict: true\n"));

        Cli.Result text = cli.run("deploy", "--env", "staging", "--version", "v1");
        Cli.Result result = cli.run("deploy", "--env", "staging", "--version", "v1", "--output", "json");

        assertThat(text.exitCode()).isEqualTo(ExitCode.BLOCKED);
        assertThat(text.err()).contains("shipshape: refused by the checklist gate; nothing was started\n");
        JsonNode error = json(result, ExitCode.BLOCKED).path("error");
        assertThat(error.path("code").asText()).isEqualTo("blocked");
        assertThat(error.path("message").asText()).isEqualTo("refused by the checklist gate; nothing was started");
        assertThat(error.path("details").path("gates").findValuesAsText("gate")).contains("checklist");
        assertThat(error.path("details").path("gates").findValuesAsText("verdict")).contains("block");
    }

    @Test
    void anInvalidRunbookUnderJsonListsEveryProblemWithFileLineAndColumn() throws Exception {
        cli.write("shipshape.yaml", """
                service: shop-api
                environments:
                  staging: {}
                stages:
                  - name: deploy
                    steps:
                      - run: echo hi
                        timeot: 5m
                """);

        Cli.Result result = cli.run("plan", "--env", "staging", "--version", "v1", "--output", "json");

        JsonNode error = json(result, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_runbook");
        assertThat(error.path("message").asText()).isEqualTo("shipshape.yaml: 1 problem");
        JsonNode problem = error.path("details").path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("shipshape.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(8);
        assertThat(problem.path("column").asInt()).isEqualTo(9);
        assertThat(problem.path("message").asText()).isEqualTo("unknown key 'timeot'");
        assertThat(problem.path("hint").asText()).isEqualTo("did you mean 'timeout'?");
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheClosestCommand() throws Exception {
        Cli.Result text = cli.run("deplyo", "--env", "staging");
        Cli.Result json = cli.run("deplyo", "--output", "json");

        assertThat(text.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("shipshape: unknown command 'deplyo': did you mean 'deploy'?\n"
                + "Run 'shipshape --help' for usage.\n");
        JsonNode error = json(json, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unknown_command");
        assertThat(error.path("message").asText()).isEqualTo("unknown command 'deplyo': did you mean 'deploy'?");
        assertThat(error.path("details").path("command").asText()).isEqualTo("deplyo");
        assertThat(error.path("details").path("didYouMean").asText()).isEqualTo("deploy");
    }

    @Test
    void aMistypedSubcommandSuggestsOneOfItsSiblings() {
        Cli.Result result = cli.run("db", "restor", "--env", "staging");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).isEqualTo("shipshape: unknown command 'restor': did you mean 'restore'?\n"
                + "Run 'shipshape db --help' for usage.\n");
    }

    @Test
    void aCommandFarFromAnyListsTheCommandsThereAre() {
        Cli.Result result = cli.run("xyzzy");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("shipshape: unknown command 'xyzzy'; commands: validate, plan, deploy,");
    }

    @Test
    void aMistypedOptionSuggestsTheClosestOptionOfThatCommand() throws Exception {
        Cli.Result text = cli.run("plan", "--evn", "staging", "--version", "v1");
        Cli.Result json = cli.run("plan", "--evn=staging", "--version", "v1", "--output", "json");

        assertThat(text.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(text.err()).isEqualTo("shipshape: unknown option '--evn': did you mean '--env'?\n"
                + "Run 'shipshape plan --help' for usage.\n");
        JsonNode error = json(json, ExitCode.USAGE).path("error");
        assertThat(error.path("code").asText()).isEqualTo("unknown_option");
        assertThat(error.path("details").path("option").asText()).isEqualTo("--evn");
        assertThat(error.path("details").path("didYouMean").asText()).isEqualTo("--env");
    }

    /** The whole of stdout is one JSON document, and the command exited with the given code. */
    private static JsonNode json(Cli.Result result, int exitCode) throws Exception {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(exitCode);
        var parser = JSON.createParser(result.out());
        JsonNode node = JSON.readTree(parser);
        assertThat(parser.nextToken()).as("nothing after the JSON document").isNull();
        return node;
    }

    private Cli as(String user) {
        Cli other = new Cli(folder);
        other.env.put("SHIPSHAPE_USER", user);
        return other;
    }

    private String onlyRunId() {
        try (Store store = Store.open(null, folder, Map.of())) {
            return store.runs().runs(null, null, 1).getFirst().runId();
        }
    }

    /** Waits until a run other than {@code not} waits at an approval step, and returns its id. */
    private String waitingRun(String not) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.isDirectory(folder.resolve(".shipshape"))) {
                return null;
            }
            try (Store store = Store.open(null, folder, Map.of())) {
                return store.runs().runs(null, null, 1).stream().findFirst()
                        .filter(r -> !r.runId().equals(not))
                        .filter(r -> store.runs().steps(r.runId()).stream().anyMatch(s -> "approval".equals(s.kind())
                                && s.state() == State.RUNNING))
                        .map(r -> r.runId()).orElse(null);
            }
        }, id -> id != null);
    }
}
