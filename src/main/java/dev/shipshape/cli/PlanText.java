package dev.shipshape.cli;

import dev.shipshape.runbook.Masked;
import dev.shipshape.plan.Plan;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.plan.PlannedStep;
import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.Durations;
import dev.shipshape.runbook.AnalysisStep;
import dev.shipshape.runbook.HealthStep;
import dev.shipshape.runbook.HttpStep;
import dev.shipshape.runbook.PostgresBackupStep;
import dev.shipshape.runbook.PostgresDiagnoseStep;
import dev.shipshape.runbook.PostgresMigrateStep;
import dev.shipshape.runbook.PostgresQueryStep;
import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.MonitorStep;
import dev.shipshape.runbook.SmokeStep;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.UsesDatabase;
import java.util.ArrayList;
import java.util.List;

/** A plan as text: the ordered steps with resolved values, secrets masked, rollback steps under their stage. */
final class PlanText {

    private PlanText() {
    }

    static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("Plan: " + plan.service() + " " + plan.version() + " to " + plan.environment() + " (previous: "
                + plan.previousVersionIfAny().orElse("none") + ")");
        int n = 1;
        for (PlannedStage stage : plan.stages()) {
            lines.add(n++ + ". " + stage.name() + stageNotes(stage));
            stage.steps().forEach(s -> lines.addAll(step(s, "     ")));
            if (!stage.rollback().isEmpty()) {
                lines.add("     rollback:");
                stage.rollback().forEach(s -> lines.addAll(step(s, "       ")));
            }
            if (stage.nothingToRollBackTo()) {
                lines.add("     warning: nothing to roll back to on a first deploy: the rollback uses ${previous_version}"
                        + " and no version is live in " + plan.environment() + " yet; a failure here is not undone");
            }
        }
        if (!plan.always().isEmpty()) {
            lines.add("always:");
            plan.always().forEach(s -> lines.addAll(step(s, "     ")));
        }
        return lines;
    }

    private static String stageNotes(PlannedStage stage) {
        List<String> notes = new ArrayList<>();
        if (!stage.needs().isEmpty()) {
            notes.add("needs " + String.join(", ", stage.needs()));
        }
        if (stage.timeout() != null) {
            notes.add("timeout " + Durations.format(stage.timeout()));
        }
        notes.addAll(VerificationPlanText.stageNotes(stage));
        notes.add("on failure: " + stage.onFailure().name().toLowerCase(java.util.Locale.ROOT));
        return "  (" + String.join(", ", notes) + ")";
    }

    private static List<String> step(PlannedStep planned, String indent) {
        Step step = planned.step();
        List<String> lines = new ArrayList<>();
        lines.add(indent + planned.id() + "  " + step.kind() + "  " + Masked.of(step.summary()) + options(step));
        switch (step) {
            case ApprovalStep approval -> lines.add(indent + "    waits until approved (shipshape approve RUN_ID)");
            case RunStep run -> run.env().forEach((k, v) -> lines.add(indent + "    env " + k + "=" + Masked.of(v)));
            case HealthStep health -> { }
            case SmokeStep smoke -> lines.addAll(VerificationPlanText.smoke(smoke, indent));
            case AnalysisStep analysis -> lines.addAll(VerificationPlanText.analysis(analysis, indent));
            case MonitorStep monitor -> lines.addAll(VerificationPlanText.monitor(monitor, indent));
            case HttpStep http -> {
                http.headers().forEach((k, v) -> lines.add(indent + "    header " + k + ": " + Masked.of(v)));
                if (!http.expect().status().isEmpty() || !http.expect().json().isEmpty()) {
                    lines.add(indent + "    expect " + expectation(http));
                }
            }
            case PostgresBackupStep backup -> lines.add(database(backup, indent));
            case PostgresRestoreStep restore -> lines.add(database(restore, indent));
            case PostgresMigrateStep migrate -> lines.add(database(migrate, indent));
            case PostgresQueryStep query -> lines.add(database(query, indent));
            case PostgresDiagnoseStep diagnose -> lines.add(database(diagnose, indent));
        }
        return lines;
    }

    /** Where a PostgreSQL step connects; the password is never shown, not even as a reference. */
    private static String database(UsesDatabase step, String indent) {
        var settings = step.target().settings();
        return indent + "    database " + Masked.of(settings.url()) + (settings.user() == null ? ""
                : " as " + Masked.of(settings.user()));
    }

    private static String expectation(HttpStep http) {
        List<String> parts = new ArrayList<>();
        if (!http.expect().status().isEmpty()) {
            parts.add("status " + http.expect().status().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("|")));
        }
        http.expect().json().forEach((k, v) -> parts.add("json " + k + " = " + v));
        http.expect().bodyContains().forEach(t -> parts.add("body contains \"" + t + "\""));
        if (http.expect().maxLatency() != null) {
            parts.add("latency <= " + Durations.format(http.expect().maxLatency()));
        }
        return String.join(", ", parts);
    }

    private static String options(Step step) {
        List<String> notes = new ArrayList<>();
        if (step.options().timeout() != null) {
            notes.add("timeout " + Durations.format(step.options().timeout()));
        }
        if (step.options().retries() > 0) {
            notes.add("retries " + step.options().retries());
        }
        if (step.idempotent()) {
            notes.add("idempotent");
        }
        return notes.isEmpty() ? "" : "  [" + String.join(", ", notes) + "]";
    }
}
