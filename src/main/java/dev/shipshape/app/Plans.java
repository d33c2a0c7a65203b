package dev.shipshape.app;

import dev.shipshape.engine.LiveVersion;
import dev.shipshape.gates.GateReport;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.check.GateCheck;
import dev.shipshape.gates.promotion.AnalysisHistory;
import dev.shipshape.gates.promotion.SoakEvidence;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Runbook;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a deployment or a procedure would run, and whether a runbook is valid: nothing runs, nothing is created. */
public final class Plans {

    /** @param at the moment the gates are judged as of, or null for now */
    public record PlanRequest(Runbook runbook, String environment, String version, Instant at) {
    }

    /**
     * @param gates          windows and promotion as of {@code at} (the checklist is not run by a plan)
     * @param checklistItems how many items the environment's checklist has, when it has one
     */
    public record DeploymentPlan(Plan plan, GateReport gates, Instant at, Optional<Integer> checklistItems) {

        public boolean blocks() {
            return gates.verdict() == Verdict.BLOCK;
        }
    }

    public record ProcedureRequest(Runbook runbook, String environment, String procedure) {
    }

    /**
     * @param file    the file as the home shows it
     * @param runbook the runbook when it is valid, else null
     * @param invalid every problem when it is not, else null
     */
    public record Validation(String file, Runbook runbook, InvalidRunbookException invalid) {

        public boolean valid() {
            return invalid == null;
        }
    }

    private final Shipshape app;
    private final StoreAccess store;

    Plans(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /** The deployment's steps after the version live there now, and how its gates stand at the moment. */
    public DeploymentPlan deployment(PlanRequest request) {
        Runbook rb = request.runbook();
        String environment = request.environment();
        Instant at = request.at() != null ? request.at() : app.settings().clock().instant();
        String previous = store.readIfExists(s -> s.runs().live(rb.service(), environment)
                .map(LiveVersion::version).orElse(null)).orElse(null);
        Plan plan = new Planner(app.settings().env()).deploy(rb, environment, request.version(), previous);
        GateReport gates = store.readIfExists(s -> gates(request, at, new AnalysisHistory(s.runs(),
                s.verification()))).orElseGet(() -> gates(request, at, new NoHistory()));
        return new DeploymentPlan(plan, gates, at, rb.environment(environment)
                .flatMap(e -> e.gates().checklistIfAny()).map(c -> c.items().size()));
    }

    /** A procedure's steps; a procedure runs no gates. */
    public Plan procedure(ProcedureRequest request) {
        return new Planner(app.settings().env()).procedure(request.runbook(), request.environment(),
                request.procedure());
    }

    /** Reads the runbook and reports every problem; the store is not touched. */
    public Validation validate(Path file) {
        String shown = app.runbooks().shown(app.settings().home().resolve(file));
        try {
            return new Validation(shown, app.runbooks().read(file).runbook(), null);
        } catch (InvalidRunbookException e) {
            return new Validation(shown, null, e);
        }
    }

    /** Windows and promotion as of the moment; the checklist is only listed (plan runs nothing). */
    private static GateReport gates(PlanRequest request, Instant at, SoakEvidence soak) {
        return new GateCheck(soak, null).evaluate(request.runbook(), request.environment(), request.version(), at,
                s -> s, List.of(), "").report();
    }

    /** A store that does not exist yet has no runs: nothing has soaked anywhere. */
    private static final class NoHistory implements SoakEvidence {
        @Override
        public Optional<Instant> succeededAt(String service, String environment, String version) {
            return Optional.empty();
        }

        @Override
        public List<String> problemsSince(String service, String environment, Instant since) {
            return List.of();
        }
    }
}
