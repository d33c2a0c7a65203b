package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.app.Shipshape;
import dev.shipshape.server.ServerSettings;
import dev.shipshape.server.ShipshapeServer;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Tokens;
import dev.shipshape.users.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy --server}: the run goes on the server, the terminal shows it as a local run would be shown. */
class DeployOnAServerTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: 'echo hello; sleep 1'
                  - run: 'echo world'
            """;

    @TempDir
    Path serverFolder;
    @TempDir
    Path clientFolder;
    Store store;
    ShipshapeServer server;
    String token;
    Cli cli;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(serverFolder.resolve("shop"));
        Files.writeString(serverFolder.resolve("shop/shipshape.yaml"), RUNBOOK);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        Shipshape app = new Shipshape(Shipshape.Settings.onThisHost(serverFolder, env, Clock.systemUTC()));
        store = app.openStore(null);
        store.users().add("carol", Role.DEPLOYER, null, Clock.systemUTC().instant());
        token = new Tokens(store.tokens(), store.users(), Clock.systemUTC(), new SecureRandom())
                .issue("carol", "cli", Duration.ofDays(1)).value();
        server = ShipshapeServer.start(new ServerSettings("127.0.0.1", 0, serverFolder, false, Duration.ofSeconds(2),
                ServerSettings.DEFAULT_MAX_BODY), app, store, "test");
        cli = new Cli(clientFolder);
        cli.env.put("SHIPSHAPE_TOKEN", token);
        cli.write("shipshape.yaml", RUNBOOK);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void aDeployOnAServerShowsTheSameLiveProgressAsALocalRunAndItsExitCode() {
        Cli.Result deploy = cli.run("deploy", "--server", base(), "--env", "staging", "--version", "v1");

        assertThat(deploy.err()).isEmpty();
        assertThat(deploy.exitCode()).isZero();
        assertThat(deploy.out()).containsPattern("Run \\S+: started by carol: shop v1 to staging\n== deploy\n"
                + "  \\[run\\]  deploy/1  echo hello; sleep 1\n      \\| hello\n")
                .containsPattern("  \\[ok\\]   deploy/1  echo hello; sleep 1  \\d")
                .contains("  [ok]   deploy/2  echo world")
                .containsPattern("\\[ok\\]   run \\S+ succeeded\n$");
        assertThat(store.runs().runs("shop", "staging", 10)).singleElement()
                .satisfies(run -> assertThat(run.startedBy()).isEqualTo("carol"));
    }

    @Test
    void aSecondClientThatReconnectsWithLastEventIdMissesNothingOfTheRun() throws Exception {
        HttpResponse<Stream<String>> first = events(base() + "/api/v1/events", null);
        CompletableFuture<Cli.Result> deploy = CompletableFuture.supplyAsync(() -> cli.run("deploy", "--server",
                base(), "--env", "staging", "--version", "v1"));
        List<String[]> seen = new ArrayList<>();
        String lastId = read(first.body().iterator(), seen, 3);
        first.body().close();

        HttpResponse<Stream<String>> again = events(base() + "/api/v1/events", lastId);
        read(again.body().iterator(), seen, -1);
        again.body().close();

        assertThat(deploy.get().exitCode()).isZero();
        String runId = seen.getFirst()[2];
        List<String> ids = seen.stream().filter(e -> e[2].equals(runId)).map(e -> e[0]).toList();
        List<String> all = store.runs().events(runId).stream()
                .filter(e -> Long.parseLong(e.seq() + "") >= Long.parseLong(ids.getFirst()))
                .filter(e -> Long.parseLong(e.seq() + "") <= Long.parseLong(ids.getLast()))
                .map(e -> Long.toString(e.seq())).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(all);
        assertThat(seen.stream().map(e -> e[1])).contains("run.succeeded");
    }

    @Test
    void cancelOnAServerStopsTheRunThatADeployOnTheServerFollows() throws Exception {
        Files.createDirectories(serverFolder.resolve("slow"));
        Files.writeString(serverFolder.resolve("slow/shipshape.yaml"), RUNBOOK.replace("service: shop", "service: slow")
                .replace("echo hello; sleep 1", "sleep 60"));
        CompletableFuture<Cli.Result> deploy = CompletableFuture.supplyAsync(() -> cli.run("deploy", "--server",
                base(), "--service", "slow", "--env", "staging", "--version", "v1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !store.runs().runs("slow", "staging", 1).isEmpty() && store.runs().steps(store.runs()
                        .runs("slow", "staging", 1).getFirst().runId()).stream()
                        .anyMatch(step -> step.state() == dev.shipshape.engine.State.RUNNING));
        String runId = store.runs().runs("slow", "staging", 1).getFirst().runId();

        Cli.Result cancel = cli.run("cancel", runId, "--server", base(), "--reason", "wrong version");

        assertThat(cancel.exitCode()).isZero();
        assertThat(cancel.out()).contains(runId);
        Cli.Result followed = deploy.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(followed.exitCode()).isNotZero();
        assertThat(followed.out()).contains("[FAIL] run " + runId);
        assertThat(store.runs().run(runId).orElseThrow().status().isFinal()).isTrue();
    }

    @Test
    void approveOnAServerLetsTheWaitingDeployOnTheServerGoOn() throws Exception {
        Files.createDirectories(serverFolder.resolve("gated"));
        Files.writeString(serverFolder.resolve("gated/shipshape.yaml"), """
                service: gated
                people:
                  carol: [dev]
                  bob: [lead]
                environments:
                  staging: {}
                stages:
                  - name: gate
                    steps:
                      - approval: {count: 1, roles: [lead]}
                  - name: deploy
                    steps:
                      - run: 'echo deployed'
                """);
        store.users().add("bob", Role.APPROVER, null, Clock.systemUTC().instant());
        String bobs = new Tokens(store.tokens(), store.users(), Clock.systemUTC(), new SecureRandom())
                .issue("bob", "cli", Duration.ofDays(1)).value();
        CompletableFuture<Cli.Result> deploy = CompletableFuture.supplyAsync(() -> cli.run("deploy", "--server",
                base(), "--service", "gated", "--env", "staging", "--version", "v1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !store.runs().runs("gated", "staging", 1).isEmpty() && store.runs().events(store.runs()
                        .runs("gated", "staging", 1).getFirst().runId()).stream()
                        .anyMatch(e -> e.kind().equals("approval.requested")));
        String runId = store.runs().runs("gated", "staging", 1).getFirst().runId();
        Cli bob = new Cli(clientFolder);
        bob.env.put("SHIPSHAPE_TOKEN", bobs);
        bob.env.put("SHIPSHAPE_SERVER", base());

        Cli.Result ownApproval = cli.run("approve", runId, "--server", base());
        Cli.Result approved = bob.run("approve", runId, "--comment", "looks good");

        assertThat(ownApproval.exitCode()).isNotZero();
        assertThat(ownApproval.err()).contains("server: ");
        assertThat(approved.exitCode()).isZero();
        assertThat(approved.out()).startsWith("approved run " + runId + " at gate/1 as bob");
        Cli.Result followed = deploy.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(followed.exitCode()).isZero();
        assertThat(followed.out()).contains("[ok]   run " + runId + " succeeded");
    }

    @Test
    void ctrlCDetachesFromTheRunWhichGoesOnOnTheServerUnlessAskedToCancelIt() throws Exception {
        Files.createDirectories(serverFolder.resolve("slow"));
        Files.writeString(serverFolder.resolve("slow/shipshape.yaml"), RUNBOOK.replace("service: shop", "service: slow")
                .replace("echo hello; sleep 1", "echo started; while [ ! -e go ]; do sleep 0.1; done"));
        Map<String, String> env = Map.of("SHIPSHAPE_TOKEN", token, "SHIPSHAPE_SERVER", base());

        Process detaching = CliProcess.start(clientFolder, "detach.out", env, "deploy", "--service", "slow", "--env",
                "staging", "--version", "v1");
        String detached = runningRun("detach.out");
        CliProcess.interrupt(detaching);
        assertThat(detaching.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(detaching.exitValue()).isEqualTo(130);
        assertThat(Files.readString(clientFolder.resolve("detach.out"))).contains("detached; run " + detached
                + " goes on on the server");
        Files.writeString(serverFolder.resolve("slow/go"), "");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.runs().run(detached)
                .orElseThrow().status() == dev.shipshape.engine.RunStatus.SUCCEEDED);

        Files.delete(serverFolder.resolve("slow/go"));
        Process cancelling = CliProcess.start(clientFolder, "cancel.out", env, "deploy", "--service", "slow", "--env",
                "staging", "--version", "v2", "--cancel-on-interrupt");
        String cancelled = runningRun("cancel.out");
        CliProcess.interrupt(cancelling);
        assertThat(cancelling.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(cancelling.exitValue()).isNotZero().isNotEqualTo(130);
        assertThat(Files.readString(clientFolder.resolve("cancel.out"))).contains("cancelling run " + cancelled)
                .contains("[FAIL] run " + cancelled);
        assertThat(store.runs().run(cancelled).orElseThrow().status().isFinal()).isTrue();
    }

    /** The run a {@code deploy --server} process follows, once its first step runs on the server. */
    private String runningRun(String output) {
        String[] id = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String out = Files.exists(clientFolder.resolve(output)) ? Files.readString(clientFolder.resolve(output))
                    : "";
            java.util.regex.Matcher started = java.util.regex.Pattern.compile("Run (\\S+): started").matcher(out);
            if (started.find() && out.contains("| started")) {
                id[0] = started.group(1);
                return true;
            }
            return false;
        });
        return id[0];
    }

    private HttpResponse<Stream<String>> events(String url, String lastId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (lastId != null) {
            request.header("Last-Event-ID", lastId);
        }
        HttpResponse<Stream<String>> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /**
     * Reads events (id, kind, run id) until {@code count} were read, or (count -1) until the run succeeded.
     *
     * @return the id of the last event read
     */
    private static String read(Iterator<String> lines, List<String[]> seen, int count) {
        String id = null;
        String kind = null;
        int read = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                kind = line.substring(6).trim();
            } else if (line.startsWith("data:") && id != null) {
                String data = line.substring(5);
                int at = data.indexOf("\"runId\":\"");
                seen.add(new String[] {id, kind, data.substring(at + 9, data.indexOf('"', at + 9))});
                read++;
                if (read == count || "run.succeeded".equals(kind)) {
                    return id;
                }
            } else if (line.isEmpty()) {
                kind = null;
            }
        }
        return id;
    }
}
