package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.StageRecord;
import dev.shipshape.engine.State;
import dev.shipshape.engine.StepRecord;
import dev.shipshape.plan.Phase;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A stored run as text for people: the header, then stages with their steps, outcome, time and output tail. */
final class RunText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("UTC"));
    private static final int TAIL_LINES = 8;

    private RunText() {
    }

    static List<String> header(RunRecord run) {
        List<String> lines = new ArrayList<>();
        lines.add("Run " + run.runId() + ": " + run.service() + " " + (run.isProcedure() ? "in "
                : run.procedure().equals("rollback") ? run.version() + " -> " + run.previousVersion() + " in "
                : run.version() + " to ") + run.environment() + " (" + run.kindLabel() + ")");
        lines.add("  status:   " + run.status().label() + (run.reason() != null ? " — " + run.reason() : ""));
        lines.add("  started:  " + TIME.format(run.createdAt()) + " UTC by " + run.startedBy()
                + (run.finishedAt() == null ? "" : ", took "
                + Elapsed.format(Duration.between(run.createdAt(), run.finishedAt()).toMillis())));
        if (!run.isProcedure()) {
            lines.add("  previous: " + (run.previousVersion() == null ? "none" : run.previousVersion()));
        }
        return lines;
    }

    static List<String> body(List<StageRecord> stages, List<StepRecord> steps) {
        List<String> lines = new ArrayList<>();
        for (StageRecord stage : stages) {
            lines.add("");
            lines.add(stage.stage() + ": " + stage.state().label() + (stage.reason() != null ? " — " + stage.reason() : ""));
            steps.stream().filter(s -> s.stage().equals(stage.stage())).forEach(s -> lines.addAll(step(s)));
        }
        List<StepRecord> always = steps.stream().filter(s -> s.phase() == Phase.ALWAYS).toList();
        if (!always.isEmpty()) {
            lines.add("");
            lines.add("always:");
            always.forEach(s -> lines.addAll(step(s)));
        }
        return lines;
    }

    private static List<String> step(StepRecord s) {
        List<String> lines = new ArrayList<>();
        if (s.phase() == Phase.ROLLBACK && s.state() == State.PENDING) {
            return lines;
        }
        String attempts = s.attempts() > 1 ? ", " + s.attempts() + " attempts" : "";
        lines.add(String.format("  %-22s %-11s %8s  %s", s.stepId(), s.state().label(), Elapsed.format(s.durationMillis()),
                Masked.of(s.name())) + (s.message() != null ? "  (" + s.message() + attempts + ")" : ""));
        if (s.outputTail() != null && !s.outputTail().isBlank()) {
            List<String> out = s.outputTail().lines().toList();
            out.subList(Math.max(0, out.size() - TAIL_LINES), out.size()).forEach(l -> lines.add("      | " + l));
        }
        return lines;
    }
}
