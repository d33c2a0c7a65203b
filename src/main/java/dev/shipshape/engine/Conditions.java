package dev.shipshape.engine;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.condition.Condition;
import dev.shipshape.runbook.condition.Evaluation;
import dev.shipshape.runbook.condition.Reference;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The run's decisions on {@code when:} conditions, from what it recorded: a stage or step runs, is skipped (recorded
 * with the condition and its values), or cannot be decided (it fails, saying why). A step whose result a condition
 * reads is a check: when it fails, the run records that and goes on, leaving the decision to the conditions.
 */
final class Conditions {

    /**
     * @param skip      why it is skipped (the condition was false), or null
     * @param undecided why the condition cannot be decided, or null
     */
    record Verdict(String skip, String undecided) {
        static final Verdict RUN = new Verdict(null, null);
    }

    private final Journal journal;
    private final Progress progress;
    private final RunFacts facts;
    private final Set<String> read;

    Conditions(Plan plan, Journal journal, Progress progress) {
        this.journal = journal;
        this.progress = progress;
        this.facts = new RunFacts(plan, progress);
        this.read = Stream.concat(plan.stages().stream().map(s -> s.when()), plan.allSteps().stream().map(s -> s.when()))
                .filter(c -> c != null).flatMap(c -> c.references().stream())
                .filter(r -> r.kind().ofStep()).map(Reference::name).collect(Collectors.toSet());
    }

    /** The run's outcome is decided: the always-steps' conditions may read it. */
    void runEnded(RunStatus status) {
        facts.runEnded(status);
    }

    /** What conditions read from this run (a repeating step's {@code until:} too). */
    RunFacts facts() {
        return facts;
    }

    /** Decides a condition of the stage or step {@code what} (none: it runs); a condition that held is noted. */
    Verdict decide(String what, Condition condition) {
        if (condition == null) {
            return Verdict.RUN;
        }
        return switch (condition.evaluate(facts)) {
            case Evaluation.Decided d when d.holds() -> {
                journal.note("step.when", what + ": " + condition.held(d.shown()));
                yield Verdict.RUN;
            }
            case Evaluation.Decided d -> new Verdict(condition.wasFalse(d.shown()), null);
            case Evaluation.Undecided u -> new Verdict(null, "cannot decide when " + condition.source().strip() + ": "
                    + u.why());
        };
    }

    /** Records a step whose condition cannot be decided as failed, saying why. */
    StepResult undecided(PlannedStep step, Verdict verdict) {
        StepResult failed = StepResult.failure(null, verdict.undecided(), null, 0);
        journal.stepDone(step.id(), State.FAILED, 0, failed, 0);
        progress.finished(step.id(), failed);
        return failed;
    }

    /**
     * Whether a failed step is a check whose outcome later conditions read: then the failure is noted and the run
     * goes on. A cancelled or paused step is never handed on.
     */
    boolean handOn(PlannedStep step, StepResult result) {
        String name = step.step().options().name();
        boolean check = name != null && read.contains(name) && !result.cancelled() && !result.paused();
        if (check) {
            journal.note(Progress.HANDED_ON, step.id() + " failed: " + result.message() + "; the conditions of the"
                    + " steps after it decide what runs next");
            progress.handedOn(step.id());
        }
        return check;
    }
}
