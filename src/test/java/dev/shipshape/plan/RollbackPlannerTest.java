package dev.shipshape.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.PostgresRestoreStep;
import dev.shipshape.runbook.Tier;
import dev.shipshape.runbook.yaml.RunbookLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rollback run's plan binds PostgreSQL steps as a deployment's does, and names the backup 'run' stands for. */
class RollbackPlannerTest {

    static final String RUNBOOK = """
            service: shop-db
            environments:
              staging:
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/shop_staging
                  user: shop
                  password: ${secret:DB_PASSWORD}
            stages:
              - name: migrate
                steps:
                  - postgres.migrate:
                rollback:
                  - postgres.restore: run
            """;

    @Test
    void restoreOfRunIsBoundToTheEnvironmentsDatabaseAndRestoresTheLiveVersionsRunBackup() {
        var runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(Path.of("/srv/shop/shipshape.yaml"), RUNBOOK);
        Plan deploy = new Planner(Map.of()).deploy(runbook, "staging", "2.5.0", "2.4.0");

        Plan rollback = new RollbackPlanner(Map.of()).plan(runbook, "staging", "2.5.0", "2.4.0",
                RollbackPlanner.Type.DATABASE, new RunBackup("2.5.0", "20261202-1", "backup_20261202T1"));

        PlannedStage stage = rollback.stage("migrate").orElseThrow();
        PostgresRestoreStep restore = (PostgresRestoreStep) stage.steps().getFirst().step();
        PostgresRestoreStep deployed = (PostgresRestoreStep) deploy.stage("migrate").orElseThrow().rollback()
                .getFirst().step();
        assertThat(stage.tier()).isEqualTo(Tier.DATABASE);
        assertThat(restore.backup()).isEqualTo("backup_20261202T1");
        assertThat(restore.target()).isNotNull().isEqualTo(deployed.target());
        assertThat(deployed.backup()).isEqualTo("run");
    }
}
