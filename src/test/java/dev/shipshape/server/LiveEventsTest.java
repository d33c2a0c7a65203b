package dev.shipshape.server;

import static dev.shipshape.server.ServerBasicsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipshape.app.Actor;
import dev.shipshape.app.DeployWatch;
import dev.shipshape.app.Deployments;
import dev.shipshape.app.Runbooks;
import dev.shipshape.engine.Change;
import dev.shipshape.engine.EventRecord;
import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live events as a browser's EventSource sees them, over a real server and a real HTTP client. */
class LiveEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version}
            """;
    /** A step that prints a line every 100 ms until the file {@code go} exists (at most 30 s), then one more. */
    private static final String WAITING_RUNBOOK = """
            service: shop
            environments:
              staging: {}
            stages:
              - name: deploy
                steps:
                  - run: 'for i in $(seq 300); do [ -f go ] && break; echo waiting; sleep 0.1; done; echo done'
            """;

    @TempDir
    Path folder;
    ServerKit kit;
    private final List<EventStream> streams = new ArrayList<>();

    @BeforeEach
    void start() {
        kit = new ServerKit(folder, false, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        streams.forEach(EventStream::close);
        kit.close();
    }

    @Test
    void aRunsStreamReplaysItsEventsInOrderWithTheirSeqAsIdThenGoesOnLive() throws Exception {
        String runId = deploy("1.0");
        List<EventRecord> recorded = kit.store.runs().eventsAfter(0, runId, 1_000);

        EventStream stream = open("/api/v1/runs/" + runId + "/events", Role.VIEWER, null);

        assertThat(stream.response.statusCode()).isEqualTo(200);
        assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        List<EventStream.Frame> replayed = stream.events(recorded.size());
        assertThat(replayed).extracting(EventStream.Frame::id)
                .containsExactlyElementsOf(recorded.stream().map(e -> Long.toString(e.seq())).toList());
        assertThat(replayed).extracting(EventStream.Frame::event)
                .containsExactlyElementsOf(recorded.stream().map(EventRecord::kind).toList())
                .contains("step.succeeded");
        JsonNode first = JSON.readTree(replayed.getFirst().data());
        assertThat(first.path("seq").asLong()).isEqualTo(recorded.getFirst().seq());
        assertThat(first.path("runId").asText()).isEqualTo(runId);
        assertThat(first.path("kind").asText()).isEqualTo(recorded.getFirst().kind());
        assertThat(Instant.parse(first.path("at").asText())).isEqualTo(recorded.getFirst().at());
        assertThat(first.has("subject")).isTrue();
        assertThat(first.path("message").asText()).isEqualTo(recorded.getFirst().message());

        newRun("other-run");
        note("other-run", "not this run's");
        note(runId, "a note after the run");
        EventStream.Frame live = stream.events(1).getFirst();
        assertThat(live.event()).isEqualTo("note");
        assertThat(JSON.readTree(live.data()).path("message").asText()).isEqualTo("a note after the run");
        assertThat(Long.parseLong(live.id())).isGreaterThan(recorded.getLast().seq());
    }

    @Test
    void aRunThisServerExecutesSendsItsStepsOutputLinesAsEventsWithoutAnIdInTheirPlace() throws Exception {
        kit.write("shop/shipshape.yaml", WAITING_RUNBOOK);
        HttpResponse<String> started = kit.post("/api/v1/services/shop/deploys", Role.DEPLOYER,
                "{\"environment\": \"staging\", \"version\": \"1.0\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = JSON.readTree(started.body()).path("runId").asText();

        EventStream stream = open("/api/v1/runs/" + runId + "/events", Role.VIEWER, null);
        EventStream.Frame waiting = nextOf(stream, "output");
        assertThat(waiting.id()).isNull();
        JsonNode line = JSON.readTree(waiting.data());
        assertThat(line.path("runId").asText()).isEqualTo(runId);
        assertThat(line.path("stepId").asText()).isNotBlank();
        assertThat(line.path("line").asText()).isEqualTo("waiting");
        Files.createFile(folder.resolve("shop/go"));

        List<String> rest = new ArrayList<>();
        for (EventStream.Frame frame = stream.next(); !"run.succeeded".equals(frame.event()); frame = stream.next()) {
            if (!frame.isComment()) {
                rest.add(frame.event().equals("output") ? "output " + JSON.readTree(frame.data()).path("line")
                        .asText() : frame.event());
            }
        }
        assertThat(rest.stream().filter(e -> !e.equals("output waiting")).toList())
                .containsSubsequence("output done", "step.succeeded");
    }

    @Test
    void reconnectingWithLastEventIdSendsEveryEventAfterItOnceAndNoneItMissedIsLost() throws Exception {
        newRun("r-1");
        EventStream first = open("/api/v1/events", Role.VIEWER, null);
        note("r-1", "a");
        note("r-1", "b");
        note("r-1", "c");
        List<EventStream.Frame> seen = first.events(3);
        assertThat(messages(seen)).containsExactly("a", "b", "c");
        first.close();

        note("r-1", "d");
        note("r-1", "e");
        EventStream again = open("/api/v1/events", Role.VIEWER, seen.get(1).id());

        assertThat(messages(again.events(3))).containsExactly("c", "d", "e");
        note("r-1", "f");
        assertThat(messages(again.events(1))).containsExactly("f");
    }

    @Test
    void aRunsStreamAfterASeqGivenInTheQuerySendsOnlyTheEventsAfterIt() throws Exception {
        newRun("r-1");
        newRun("r-2");
        note("r-1", "a");
        long b = note("r-1", "b");
        note("r-2", "other run");
        note("r-1", "c");

        EventStream stream = open("/api/v1/runs/r-1/events?after=" + b, Role.VIEWER, null);

        assertThat(messages(stream.events(1))).containsExactly("c");
        note("r-1", "d");
        assertThat(messages(stream.events(1))).containsExactly("d");
    }

    @Test
    void withoutALastEventIdTheStreamOfEveryRunStartsFromNow() throws Exception {
        newRun("r-1");
        note("r-1", "before");

        EventStream stream = open("/api/v1/events", Role.VIEWER, null);
        note("r-1", "after");

        assertThat(messages(stream.events(1))).containsExactly("after");
    }

    @Test
    void aClientThatSendsNoAcceptHeaderGetsTheStreamToo() throws Exception {
        newRun("r-1");
        EventStream stream = EventStream.open(kit, "/api/v1/events", Role.VIEWER, null, null);
        streams.add(stream);
        note("r-1", "plain");

        assertThat(stream.response.statusCode()).isEqualTo(200);
        assertThat(messages(stream.events(1))).containsExactly("plain");
    }

    @Test
    void manyClientsEachGetEveryEventWithTheSameId() throws Exception {
        newRun("r-1");
        List<EventStream> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clients.add(open("/api/v1/events", Role.VIEWER, null));
        }

        long seq = note("r-1", "to all");

        for (EventStream client : clients) {
            EventStream.Frame frame = client.events(1).getFirst();
            assertThat(frame.id()).isEqualTo(Long.toString(seq));
            assertThat(JSON.readTree(frame.data()).path("message").asText()).isEqualTo("to all");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeatCommentsAndCountsAsAClientUntilItGoesAway() throws Exception {
        EventStream stream = open("/api/v1/events", Role.VIEWER, null);

        EventStream.Frame frame = stream.next();
        assertThat(frame.isComment()).isTrue();
        assertThat(frame.comment()).isEqualTo("heartbeat");
        assertThat(kit.get("/metrics", Role.VIEWER).body()).contains("shipshape_sse_clients 1.0");

        stream.close();
        awaitMetric("shipshape_sse_clients 0.0");
    }

    @Test
    void closingTheServerEndsEveryStream() throws Exception {
        newRun("r-1");
        EventStream all = open("/api/v1/events", Role.VIEWER, null);
        EventStream ofRun = open("/api/v1/runs/r-1/events", Role.VIEWER, null);

        kit.server.close();

        assertThat(all.ended()).isTrue();
        assertThat(ofRun.ended()).isTrue();
    }

    @Test
    void withoutATokenTheStreamIs401() throws Exception {
        HttpResponse<String> refused = kit.send(kit.request("/api/v1/events", null)
                .header("Accept", "text/event-stream").GET().build());

        assertError(refused, 401, "unauthenticated");
    }

    @Test
    void anUnknownRunIs404BeforeAnyStreamStarts() throws Exception {
        HttpResponse<String> missing = kit.send(kit.request("/api/v1/runs/no-such-run/events", Role.VIEWER)
                .header("Accept", "text/event-stream").GET().build());

        assertError(missing, 404, "not_found");
        assertThat(JSON.readTree(missing.body()).path("message").asText()).contains("no-such-run");
    }

    @Test
    void aLastEventIdThatIsNotASeqIs400() throws Exception {
        HttpResponse<String> bad = kit.send(kit.request("/api/v1/events", Role.VIEWER)
                .header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday").GET().build());

        assertError(bad, 400, "bad_request");
        assertThat(JSON.readTree(bad.body()).path("message").asText()).contains("Last-Event-ID", "yesterday");
    }

    @Test
    void aRequestThatDoesNotAcceptAnEventStreamIs406() throws Exception {
        HttpResponse<String> refused = kit.send(kit.request("/api/v1/events", Role.VIEWER)
                .header("Accept", "application/json").GET().build());

        assertError(refused, 406, "not_acceptable");
        assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("Accept: text/event-stream");
    }

    private EventStream open(String path, Role as, String lastEventId) throws Exception {
        EventStream stream = EventStream.open(kit, path, as, lastEventId);
        streams.add(stream);
        return stream;
    }

    /** Deploys the folder's runbook through the test's own root (not the server's); returns the run id. */
    private String deploy(String version) throws Exception {
        kit.write("shipshape.yaml", RUNBOOK);
        Runbooks.Loaded runbook = kit.app.runbooks().read(Path.of("shipshape.yaml"));
        Deployments.RunResult result = kit.app.deployments(kit.store).deploy(new Deployments.DeployRequest(runbook,
                "staging", version, null, null, Actor.server("deployer", "127.0.0.1"), DeployWatch.NONE, false));
        assertThat(result.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        return result.run().runId();
    }

    private static EventStream.Frame nextOf(EventStream stream, String kind) throws Exception {
        EventStream.Frame frame = stream.next();
        while (!kind.equals(frame.event())) {
            frame = stream.next();
        }
        return frame;
    }

    private void newRun(String runId) {
        kit.store.runs().create(new NewRun(runId, "shop", "staging", "1.0", null, "deploy", "deployer", null, null,
                Instant.now(), List.of(), List.of(), null));
    }

    /** Records a note on the run; returns its seq. */
    private long note(String runId, String message) {
        kit.store.runs().record(new Change.Note(runId, Instant.now(), "note", message));
        return kit.store.runs().lastEventSeq();
    }

    private static List<String> messages(List<EventStream.Frame> frames) throws Exception {
        List<String> messages = new ArrayList<>();
        for (EventStream.Frame frame : frames) {
            messages.add(JSON.readTree(frame.data()).path("message").asText());
        }
        return messages;
    }

    private void awaitMetric(String line) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String scraped = kit.get("/metrics", Role.VIEWER).body();
        while (!scraped.contains(line) && System.nanoTime() < until) {
            Thread.sleep(50);
            scraped = kit.get("/metrics", Role.VIEWER).body();
        }
        assertThat(scraped).contains(line);
    }
}
