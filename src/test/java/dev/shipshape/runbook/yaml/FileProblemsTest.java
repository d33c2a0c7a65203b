package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Problem;

import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static dev.shipshape.runbook.yaml.RunbookFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProblemsTest {

    @TempDir
    Path dir;

    @Test
    void malformedYamlGivesOneReadableProblemAtTheParsersPosition() {
        assertThat(problems("""
                service: shop-api
                environments:
                  staging: {}
                 stages: oops
                """)).singleElement().asString()
                .startsWith("bad.yaml:4:")
                .contains("the runbook is not valid YAML: ")
                .doesNotContain("Exception", "snakeyaml", "jackson", "\n");
    }

    @Test
    void unclosedFlowMappingIsMalformed() {
        assertThat(problems("service: [shop-api\n")).singleElement().asString()
                .startsWith("bad.yaml:2:1: the runbook is not valid YAML: ")
                .endsWith("(check the indentation and quoting around this line)");
    }

    @Test
    void emptyFileSaysWhatARunbookContains() {
        assertThat(problems("# nothing yet\n")).containsExactly(
                "bad.yaml: the runbook is empty; expected a map with service, environments and stages");
        assertThat(problems("")).hasSize(1);
    }

    @Test
    void documentThatIsNotAMapIsRejected() {
        assertThat(problems("- build\n- deploy\n")).containsExactly(
                "bad.yaml:1:1: expected a map with service, environments and stages, got a list");
    }

    @Test
    void secondYamlDocumentIsRejected() {
        assertThat(problems(withStages("  - name: build\n    steps: [{run: make}]\n") + "---\nservice: other\n"))
                .containsExactly("bad.yaml:8:1: the runbook has more than one YAML document "
                        + "(keep the whole runbook in one document; remove the '---' line)");
    }

    @Test
    void anAliasOfASingleValueIsAProblemAtTheAlias() {
        assertThat(problems(withStages("""
                  - name: build
                    steps: [{run: &cmd make}]
                  - name: test
                    steps: [{run: *cmd}]
                """))).contains(
                "bad.yaml:8:19: stages[1].steps[0].run: no map or list anchored &cmd before the alias *cmd "
                        + "(anchors work on maps and lists; write a single value out, or share it with vars)");
    }

    @Test
    void missingFileSaysHowToPassOne() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(missing))
                .isInstanceOfSatisfying(ShipshapeException.class,
                        e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND))
                .hasMessage("runbook not found: " + missing + "; pass the runbook file, or run where shipshape.yaml is");
    }

    @Test
    void folderInsteadOfFileIsNotFound() {
        assertThatThrownBy(() -> new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(dir))
                .isInstanceOfSatisfying(ShipshapeException.class,
                        e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND))
                .hasMessageContaining("is a folder");
    }

    @Test
    void problemsCarryTheFileAsGivenAndTheExceptionCountsThem() throws Exception {
        Path file = dir.resolve("shipshape.yaml");
        Files.writeString(file, "service: shop-api\n");
        assertThatThrownBy(() -> new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(file))
                .isInstanceOfSatisfying(InvalidRunbookException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(file + ": 2 problems");
                    assertThat(e.problems()).extracting(Problem::file).containsOnly(file.toString());
                });
    }
}
