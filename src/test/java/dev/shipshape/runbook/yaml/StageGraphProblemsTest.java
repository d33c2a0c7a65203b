package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Runbook;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageGraphProblemsTest {

    @Test
    void duplicateStageNameIsReportedAtTheSecondStage() {
        assertThat(problems(withStages("""
                  - name: build
                    steps: [{run: make}]
                  - name: build
                    steps: [{run: make again}]
                """))).containsExactly("bad.yaml:7:11: stages[1].name: duplicate stage name 'build'; stage names "
                + "must be unique (first used at line 5)");
    }

    @Test
    void needingAnUnknownStageSuggestsTheStageMeant() {
        assertThat(problems(withStages("""
                  - name: build
                    steps: [{run: make}]
                  - name: deploy
                    needs: [biuld]
                    steps: [{run: ./deploy.sh}]
                """))).containsExactly(
                "bad.yaml:8:13: stages[1].needs[0]: needs unknown stage 'biuld' (did you mean 'build'?)");
    }

    @Test
    void aLoneStageNeedingAnUnknownOneIsToldItIsTheOnlyStage() {
        assertThat(problems(withStages("""
                  - name: deploy
                    needs: packaging
                    steps: [{run: ./deploy.sh}]
                """))).containsExactly("bad.yaml:6:12: stages[0].needs: needs unknown stage 'packaging' (it is the only"
                + " stage; add a stage named 'packaging' or remove the need)");
    }

    @Test
    void needingAnUnrelatedNameListsTheStages() {
        assertThat(problems(withStages("""
                  - name: build
                    steps: [{run: make}]
                  - name: deploy
                    needs: packaging
                    steps: [{run: ./deploy.sh}]
                """))).containsExactly(
                "bad.yaml:8:12: stages[1].needs: needs unknown stage 'packaging' (stages are: build)");
    }

    @Test
    void stageNeedingItselfIsRejected() {
        assertThat(problems(withStages("""
                  - name: build
                    needs: [build]
                    steps: [{run: make}]
                """))).containsExactly(
                "bad.yaml:6:13: stages[0].needs[0]: stage 'build' needs itself (remove it from needs)");
    }

    @Test
    void cycleIsNamedStageByStage() {
        assertThat(problems(withStages("""
                  - name: build
                    needs: [verify]
                    steps: [{run: make}]
                  - name: deploy
                    needs: [build]
                    steps: [{run: ./deploy.sh}]
                  - name: verify
                    needs: [deploy]
                    steps: [{run: ./verify.sh}]
                """))).containsExactly("bad.yaml:9:13: stages[1].needs[0]: stages depend on each other in a "
                + "cycle: build -> verify -> deploy -> build (remove one of these needs)");
    }

    @Test
    void needsOnALaterStageAreAllowed() {
        Runbook runbook = load(withStages("""
                  - name: deploy
                    needs: build
                    steps: [{run: ./deploy.sh}]
                  - name: build
                    steps: [{run: make}]
                """));
        assertThat(runbook.stages().get(0).needs()).isEqualTo(List.of("build"));
    }
}
