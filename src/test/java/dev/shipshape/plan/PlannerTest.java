package dev.shipshape.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.RunStep;
import dev.shipshape.runbook.yaml.RunbookLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final String RUNBOOK = """
            service: shop-api
            vars:
              REGION: eu
            environments:
              staging:
                vars:
                  URL: https://staging.example.com
              production:
                vars:
                  REGION: us
                  URL: https://prod.example.com
            stages:
              - name: verify
                needs: [deploy]
                steps:
                  - run: curl ${vars.URL} --region ${vars.REGION}
              - name: build
                steps:
                  - run: make ${version} HOME=${env:HOME_DIR}
              - name: deploy
                needs: [build]
                steps:
                  - run: deploy ${environment} ${version} --token ${secret:TOKEN}
                rollback:
                  - run: deploy ${environment} ${previous_version}
            """;

    private Plan plan(String env, String previous, Map<String, String> processEnv) {
        var runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(Path.of("/srv/shop/shipshape.yaml"), RUNBOOK);
        return new Planner(processEnv).deploy(runbook, env, "v2", previous);
    }

    private static String command(PlannedStep step) {
        return ((RunStep) step.step()).command();
    }

    @Test
    void stagesMoveAfterTheStagesTheyNeedOtherwiseKeepFileOrder() {
        Plan plan = plan("staging", "v1", Map.of("HOME_DIR", "/home/ci"));

        assertThat(plan.stages()).extracting(PlannedStage::name).containsExactly("build", "deploy", "verify");
    }

    @Test
    void anEnvDefaultAppliesWhenTheVariableIsUnsetOrEmptyAndTheValueWinsOtherwise() {
        String runbook = """
                service: shop
                environments:
                  staging: {}
                stages:
                  - name: build
                    steps:
                      - run: make REGION=${env:REGION:-eu-west-1}
                """;
        var loaded = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(Path.of("/srv/shop/shipshape.yaml"), runbook);

        assertThat(command(new Planner(Map.of()).deploy(loaded, "staging", "v2", null).allSteps().getFirst()))
                .isEqualTo("make REGION=eu-west-1");
        assertThat(command(new Planner(Map.of("REGION", "")).deploy(loaded, "staging", "v2", null).allSteps()
                .getFirst())).isEqualTo("make REGION=eu-west-1");
        assertThat(command(new Planner(Map.of("REGION", "us-east-2")).deploy(loaded, "staging", "v2", null)
                .allSteps().getFirst())).isEqualTo("make REGION=us-east-2");
    }

    @Test
    void resolvesVariablesEnvironmentAndVersionsButKeepsSecretReferences() {
        Plan plan = plan("production", "v1", Map.of("HOME_DIR", "/home/ci"));

        assertThat(plan.allSteps()).extracting(PlannerTest::command).containsExactly(
                "make v2 HOME=/home/ci",
                "deploy production v2 --token ${secret:TOKEN}",
                "curl https://prod.example.com --region us",
                "deploy production v1");
        assertThat(plan.workdir()).isEqualTo(Path.of("/srv/shop"));
    }

    @Test
    void sharedVariablesApplyWhereAnEnvironmentDoesNotOverrideThem() {
        Plan plan = plan("staging", null, Map.of("HOME_DIR", "/h"));

        assertThat(command(plan.stage("verify").orElseThrow().steps().getFirst()))
                .isEqualTo("curl https://staging.example.com --region eu");
        assertThat(command(plan.stage("deploy").orElseThrow().rollback().getFirst()))
                .isEqualTo("deploy staging ${previous_version}");
    }

    @Test
    void anUnsetEnvironmentVariableNamesTheStepThatUsesIt() {
        assertThatThrownBy(() -> plan("staging", "v1", Map.of()))
                .isInstanceOf(ShipshapeException.class)
                .hasMessage("environment variable HOME_DIR is not set (used by step build/1); set it and try again");
    }
}
