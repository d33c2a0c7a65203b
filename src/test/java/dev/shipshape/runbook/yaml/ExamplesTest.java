package dev.shipshape.runbook.yaml;

import dev.shipshape.plan.Plan;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.Runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every runbook under {@code examples/} must load cleanly, satisfy the editor schema, and plan a deployment and
 * each of its procedures in every one of its environments.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "examples");

    /** The seeds' kinds of runbook, each with its emergency procedures. */
    private static final List<String> SEED_EXAMPLES = List.of("event-app", "platform", "erp", "sync-worker", "shop");

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsWithoutProblemsAndMatchesTheSchema() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).as("yaml files under " + EXAMPLES.toAbsolutePath()).isNotEmpty();
        SchemaValidation schema = new SchemaValidation();
        return examples.stream().map(file -> DynamicTest.dynamicTest(EXAMPLES.relativize(file).toString(), () -> {
            Runbook runbook = load(file);
            assertThat(runbook.source()).isEqualTo(file);
            assertThat(schema.errors(Files.readString(file))).as(file.toString()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExamplePlansADeploymentAndEachProcedureInEachOfItsEnvironments() throws IOException {
        Planner planner = new Planner(Map.of());
        return examples().stream().flatMap(file -> {
            Runbook runbook = load(file);
            return runbook.environments().keySet().stream().map(env -> DynamicTest.dynamicTest(
                    EXAMPLES.relativize(file) + " in " + env, () -> {
                        Plan deploy = planner.deploy(runbook, env, "v2.0.0", "v1.9.0");
                        assertThat(deploy.stages()).as("stages of " + file).isNotEmpty();
                        assertThat(deploy.allSteps()).as("steps of " + file + " in " + env)
                                .anyMatch(step -> step.skip() == null);
                        for (String procedure : runbook.procedures().keySet()) {
                            Plan plan = planner.procedure(runbook, env, procedure);
                            assertThat(plan.procedureName()).isEqualTo(procedure);
                            assertThat(plan.version()).isNull();
                            assertThat(plan.allSteps()).as(procedure + " in " + env).isNotEmpty();
                        }
                    }));
        });
    }

    @Test
    void everySeedHasAnExampleWithEmergencyProceduresThatRunInStaging() {
        for (String name : SEED_EXAMPLES) {
            Path file = EXAMPLES.resolve(name).resolve("shipshape.yaml");
            Runbook runbook = load(file);
            assertThat(runbook.environments()).as(name).containsKeys("staging", "production");
            assertThat(runbook.procedures()).as(name + " procedures").hasSizeGreaterThanOrEqualTo(3);
            Planner planner = new Planner(Map.of());
            for (String procedure : runbook.procedures().keySet()) {
                assertThat(planner.procedure(runbook, "staging", procedure).allSteps())
                        .as(name + " " + procedure + " runs something in staging")
                        .anyMatch(step -> step.skip() == null);
            }
        }
    }

    private static Runbook load(Path file) {
        return new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(file);
    }

    private static List<Path> examples() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }
}
