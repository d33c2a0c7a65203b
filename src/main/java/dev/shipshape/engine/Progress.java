package dev.shipshape.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands, as far as the store knows: the state of each stage and step. A new run
 * starts with everything pending; a resumed run starts from what was recorded before the stop.
 */
final class Progress {

    private final Map<String, State> stages = new HashMap<>();
    private final Map<String, State> steps = new HashMap<>();

    static Progress of(List<StageRecord> stageRecords, List<StepRecord> stepRecords) {
        Progress progress = new Progress();
        stageRecords.forEach(s -> progress.stages.put(s.stage(), s.state()));
        stepRecords.forEach(s -> progress.steps.put(s.stepId(), s.state()));
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
}
