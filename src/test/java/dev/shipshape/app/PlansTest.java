package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gates.Verdict;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning and validating through the application layer: values out, nothing run, no store created. */
class PlansTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              production:
                windows:
                  timezone: UTC
                  allow: ["Mon-Fri 09:00-17:00"]
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version}
            """;

    @TempDir
    Path folder;

    @Test
    void aPlanJudgesTheWindowAsOfTheMomentAskedAndCreatesNoStore() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        Plans plans = kit.app().plans(kit.app().store(null));

        Plans.DeploymentPlan saturday = plans.deployment(new Plans.PlanRequest(runbook.runbook(), "production", "2.0",
                Instant.parse("2026-01-24T12:00:00Z")));
        Plans.DeploymentPlan monday = plans.deployment(new Plans.PlanRequest(runbook.runbook(), "production", "2.0",
                Instant.parse("2026-01-26T12:00:00Z")));

        assertThat(saturday.plan().stages()).extracting(PlannedStage::name).containsExactly("deploy");
        assertThat(saturday.plan().previousVersion()).isNull();
        assertThat(saturday.blocks()).isTrue();
        assertThat(monday.gates().verdict()).isEqualTo(Verdict.PASS);
        assertThat(monday.checklistItems()).isEmpty();
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void aPlanFollowsTheVersionLiveInTheStore() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK.replace("""
                    windows:
                      timezone: UTC
                      allow: ["Mon-Fri 09:00-17:00"]
                """, ""));
        try (Store store = kit.store()) {
            kit.app().deployments(store).deploy(kit.deploy(runbook, "production", "1.0", Actor.local("alice")));
        }

        Plans.DeploymentPlan plan = kit.app().plans(kit.app().store(null)).deployment(new Plans.PlanRequest(
                runbook.runbook(), "production", "2.0", null));

        assertThat(plan.plan().previousVersion()).isEqualTo("1.0");
    }

    @Test
    void validationReportsEveryProblemAsAValue() throws Exception {
        AppKit kit = new AppKit(folder);
        Files.writeString(folder.resolve("broken.yaml"), RUNBOOK.replace("service: shop", "servise: shop"));

        Plans.Validation validation = kit.app().plans(kit.app().store(null)).validate(Path.of("broken.yaml"));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.file()).isEqualTo("broken.yaml");
        assertThat(validation.invalid().problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.yaml"));
    }
}
