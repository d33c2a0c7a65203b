package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Runbook;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

/** Loads runbook text the way users write it and returns what they would see. */
final class RunbookFixtures {

    static final String FILE = "bad.yaml";

    private RunbookFixtures() {
    }

    static Runbook load(String yaml) {
        return new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(Path.of(FILE), yaml);
    }

    /** The rendered problem lines for a runbook that must not load. */
    static List<String> problems(String yaml) {
        List<String> rendered = new java.util.ArrayList<>();
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(InvalidRunbookException.class,
                        e -> e.problems().forEach(p -> rendered.add(p.render())));
        return rendered;
    }

    /** A valid runbook with the given stages block appended, so each test shows only what matters. */
    static String withStages(String stages) {
        return """
                service: shop-api
                environments:
                  staging: {}
                stages:
                """ + stages;
    }
}
