package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.StageProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan notes of a stage beyond its timeout and failure policy: its tier and its probe. */
final class StageNotes {

    private StageNotes() {
    }

    /** Stage notes for a stage that is not an application stage or has a probe. */
    static List<String> stageNotes(PlannedStage stage) {
        List<String> notes = new ArrayList<>();
        if (stage.tier() != dev.shipshape.runbook.Tier.APPLICATION) {
            notes.add("tier " + stage.tier().name().toLowerCase(Locale.ROOT));
        }
        StageProbe probe = stage.probe();
        if (probe != null) {
            notes.add("probe " + Masked.of(probe.url()) + " every " + Durations.format(probe.interval())
                    + (probe.maxFailures() != null ? ", max failures " + probe.maxFailures() : "")
                    + (probe.maxOutage() != null ? ", max outage " + Durations.format(probe.maxOutage()) : ""));
        }
        return notes;
    }
}
