package dev.shipshape.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.Secrets;
import dev.shipshape.plan.Planner;
import dev.shipshape.runbook.yaml.RunbookLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

    private Secrets secrets(Map<String, String> env) {
        var runbook = new RunbookLoader(dev.shipshape.steps.StepKinds.all()).parse(Path.of("shipshape.yaml"), """
                service: s
                environments:
                  e: {}
                stages:
                  - name: deploy
                    steps:
                      - run: login ${secret:USER} ${secret:PASSWORD}
                """);
        var plan = new Planner(Map.of()).deploy(runbook, "e", "v1", null);
        return new SecretResolver(env, Path.of("/nonexistent/secrets")).forPlan(plan);
    }

    @Test
    void revealsReferencesAndRedactsValuesLongestFirst() {
        Secrets s = secrets(Map.of("USER", "admin", "PASSWORD", "admin-pa55word"));

        assertThat(s.reveal("login ${secret:USER} ${secret:PASSWORD}")).isEqualTo("login admin admin-pa55word");
        assertThat(s.redact("user admin, password admin-pa55word")).isEqualTo("user ***, password ***");
    }

    @Test
    void valuesShorterThanThreeCharactersAreNotRedactedSoOrdinaryTextSurvives() {
        Secrets s = secrets(Map.of("USER", "a", "PASSWORD", "long-enough"));

        assertThat(s.redact("a long-enough banana")).isEqualTo("a *** banana");
    }

    @Test
    void aValueOfExactlyThreeCharactersIsRedacted() {
        Secrets s = secrets(Map.of("USER", "bob", "PASSWORD", "ab"));

        assertThat(s.redact("login bob ab ok")).isEqualTo("login *** ab ok");
    }
}
