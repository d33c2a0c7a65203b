package dev.shipshape.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.EngineKit;
import dev.shipshape.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every listener an engine was built with sees each run, before the listener the run itself was given. */
class RunListenersTest {

    private final EngineKit kit = new EngineKit();
    private final List<String> heard = new ArrayList<>();
    private final Plan plan = EngineKit.plan("""
            service: shop
            environments:
              prod: {}
            stages:
              - name: deploy
                steps:
                  - run: ./deploy.sh
            """);

    @Test
    void eachStandingListenerAndTheRunsOwnHearEveryChangeInThatOrder() {
        Engine engine = new Engine(kit.store, kit.steps, new EngineSettings(kit.clock, "host-a:1", EngineKit.LEASE,
                Duration.ZERO), StageWatch.NONE, kit.sleeper, List.of(named("stream"), named("notify")));

        RunOutcome outcome = engine.start(plan, new RunRequest("alice", "/srv/shop/shipshape.yaml", "runbook"),
                Secrets.NONE, named("terminal"), kit.signal);

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(heard).hasSizeGreaterThan(6).hasSize(heard.size() / 3 * 3);
        for (int i = 0; i < heard.size(); i += 3) {
            String change = heard.get(i).substring("stream ".length());
            assertThat(heard.subList(i, i + 3)).containsExactly("stream " + change, "notify " + change,
                    "terminal " + change);
        }
        assertThat(heard.subList(0, 3)).containsExactly("stream lock.acquired", "notify lock.acquired",
                "terminal lock.acquired");
        assertThat(heard.subList(heard.size() - 3, heard.size())).containsExactly("stream run.succeeded",
                "notify run.succeeded", "terminal run.succeeded");
    }

    @Test
    void aStandingListenerHearsEachRunThroughTheListenerItBindsToThatRun() {
        RunListener standing = new RunListener() {
            @Override
            public void changed(Change change) {
                heard.add("unbound " + kind(change));
            }

            @Override
            public void output(String stepId, String line) {
                heard.add("unbound output " + line);
            }

            @Override
            public RunListener forRun(String runId) {
                return named("run " + runId);
            }
        };
        Engine engine = new Engine(kit.store, kit.steps, new EngineSettings(kit.clock, "host-a:1", EngineKit.LEASE,
                Duration.ZERO), StageWatch.NONE, kit.sleeper, List.of(standing));

        RunOutcome first = engine.start(plan, new RunRequest("alice", "/srv/shop/shipshape.yaml", "runbook"),
                Secrets.NONE, RunListener.NONE, kit.signal);
        RunOutcome second = engine.start(plan, new RunRequest("alice", "/srv/shop/shipshape.yaml", "runbook"),
                Secrets.NONE, RunListener.NONE, kit.signal);

        assertThat(heard).noneMatch(line -> line.startsWith("unbound"))
                .contains("run " + first.runId() + " lock.acquired", "run " + first.runId() + " run.succeeded",
                        "run " + second.runId() + " lock.acquired", "run " + second.runId() + " run.succeeded");
    }

    private RunListener named(String name) {
        return new RunListener() {
            @Override
            public void changed(Change change) {
                heard.add(name + " " + kind(change));
            }

            @Override
            public void output(String stepId, String line) {
                heard.add(name + " output " + line);
            }
        };
    }

    private static String kind(Change change) {
        return switch (change) {
            case Change.Note note -> note.kind();
            case Change.RunChanged run -> "run." + run.status().name().toLowerCase();
            default -> change.getClass().getSimpleName();
        };
    }
}
