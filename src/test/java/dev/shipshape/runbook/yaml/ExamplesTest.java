package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every runbook under {@code examples/} must load cleanly and satisfy the editor schema. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."), "examples");

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsWithoutProblemsAndMatchesTheSchema() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).as("yaml files under " + EXAMPLES.toAbsolutePath()).isNotEmpty();
        SchemaValidation schema = new SchemaValidation();
        return examples.stream().map(file -> DynamicTest.dynamicTest(EXAMPLES.relativize(file).toString(), () -> {
            Runbook runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).load(file);
            assertThat(runbook.source()).isEqualTo(file);
            assertThat(schema.errors(Files.readString(file))).as(file.toString()).isEmpty();
        }));
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
