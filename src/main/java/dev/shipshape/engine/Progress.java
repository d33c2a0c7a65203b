package dev.shipshape.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run stands, as far as the store knows: the state of each stage and step, and what finished steps left for
 * later conditions (exit code, JSON answer, a failure handed on to them). A new run starts with everything pending;
 * a resumed run starts from what was recorded before the stop.
 */
final class Progress {

    /** The note that records a failed step whose outcome later conditions decide on: the run went on. */
    static final String HANDED_ON = "step.decides";

    private final Map<String, State> stages = new HashMap<>();
    private final Map<String, State> steps = new HashMap<>();
    private final Map<String, Integer> exits = new HashMap<>();
    private final Map<String, String> answers = new HashMap<>();
    private final Set<String> handedOn = new HashSet<>();
    private final Map<String, Repetitions> repetitions = new HashMap<>();

    static Progress of(List<StageRecord> stageRecords, List<StepRecord> stepRecords) {
        return of(stageRecords, stepRecords, List.of());
    }

    static Progress of(List<StageRecord> stageRecords, List<StepRecord> stepRecords, List<EventRecord> events) {
        Progress progress = new Progress();
        stageRecords.forEach(s -> progress.stages.put(s.stage(), s.state()));
        stepRecords.forEach(s -> {
            progress.steps.put(s.stepId(), s.state());
            progress.exits.put(s.stepId(), s.exitCode());
            progress.answers.put(s.stepId(), s.json());
        });
        events.stream().filter(e -> e.kind().equals(HANDED_ON) && e.message() != null)
                .forEach(e -> progress.handedOn.add(e.message().split(" ", 2)[0]));
        events.stream().filter(e -> e.message() != null).forEach(e -> {
            String id = e.message().split(" ", 2)[0];
            if (e.kind().equals(Repetitions.STARTED)) {
                progress.repetitionStarted(id, e.at());
            } else if (e.kind().equals(Repetitions.OVER)) {
                progress.repetitionsOver(id);
            }
        });
        return progress;
    }

    State stage(String name) {
        return stages.getOrDefault(name, State.PENDING);
    }

    State step(String id) {
        return steps.getOrDefault(id, State.PENDING);
    }

    void stage(String name, State state) {
        stages.put(name, state);
    }

    void step(String id, State state) {
        steps.put(id, state);
    }

    /** A step's attempts are over: its state and what it left for later conditions. */
    void finished(String id, StepResult result) {
        steps.put(id, result.succeeded() ? State.SUCCEEDED : State.FAILED);
        exits.put(id, result.exitCode());
        answers.put(id, result.json());
    }

    Integer exitCode(String id) {
        return exits.get(id);
    }

    String json(String id) {
        return answers.get(id);
    }

    void handedOn(String id) {
        handedOn.add(id);
    }

    /** The repetitions of a repeating step recorded so far (none for a step that has not started repeating). */
    Repetitions repetitions(String id) {
        return repetitions.getOrDefault(id, Repetitions.NONE);
    }

    void repetitionStarted(String id, java.time.Instant at) {
        repetitions.put(id, repetitions(id).started(at));
    }

    void repetitionsOver(String id) {
        repetitions.put(id, repetitions(id).ended());
    }

    /** Whether the step failed and the run went on, for later conditions to decide. */
    boolean wasHandedOn(String id) {
        return handedOn.contains(id);
    }
}
