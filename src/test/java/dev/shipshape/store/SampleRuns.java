package dev.shipshape.store;

import dev.shipshape.engine.NewRun;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import java.time.Instant;
import java.util.List;

/** Runs as the engine would create them, for store tests. */
final class SampleRuns {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String RUNBOOK = "service: shop\nstages:\n  - name: build  # «ünïcödé» survives\n";

    private SampleRuns() {
    }

    static NewRun deploy(String runId) {
        return deploy(runId, "shop", "prod", "1.4.0", T0);
    }

    /** Two stages, a main step each, a rollback step and an always step. */
    static NewRun deploy(String runId, String service, String environment, String version, Instant createdAt) {
        return new NewRun(runId, service, environment, version, "1.3.9", "deploy", "alice",
                "/srv/runbooks/" + service + ".yaml", RUNBOOK, createdAt, List.of("build", "release"),
                List.of(StepRecord.pending(runId, "build.compile", "build", Phase.MAIN, 1, "compile", "run",
                                "mvn package", true),
                        StepRecord.pending(runId, "release.push", "release", Phase.MAIN, 2, "push", "http",
                                "POST https://deploy.example/api (token ***)", false),
                        StepRecord.pending(runId, "release.undo", "release", Phase.ROLLBACK, 3, "undo", "run",
                                "./undo.sh", true),
                        StepRecord.pending(runId, "notify", null, Phase.ALWAYS, 4, "notify", "run",
                                "echo done", true)));
    }

    static NewRun withProcedure(NewRun run, String procedure) {
        return new NewRun(run.runId(), run.service(), run.environment(), run.version(), run.previousVersion(),
                procedure, run.startedBy(), run.runbookPath(), run.runbookText(), run.createdAt(), run.stages(),
                run.steps());
    }
}
