package dev.shipshape.app;

import dev.shipshape.engine.StepRecord;
import dev.shipshape.runbook.Masked;

/**
 * What a step printed, as {@code shipshape logs} shows it and {@code GET /api/v1/runs/{id}/steps/{step}/output}
 * answers: the kept tail of its output (redacted when stored; empty before it ran) and the bytes it printed in all.
 * While the step runs, the tail is what its engine stored last (every quarter second).
 */
public record StepOutput(String id, String name, String state, String output, long outputSize) {

    static StepOutput of(StepRecord s) {
        return new StepOutput(s.stepId(), Masked.of(s.name()), s.state().label(),
                s.outputTail() == null ? "" : s.outputTail(), s.outputSize());
    }
}
