package dev.shipshape.runbook.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The condition language: what each condition comes to over a run's facts, and what it says when it cannot be read. */
class ConditionTest {

    /** check exited 1 and failed, health answered JSON, build was skipped; staging, REGION=eu, PORT=8080. */
    private static final Facts FACTS = reference -> switch (reference.source()) {
        case "steps.check.exit" -> Facts.Lookup.of(Value.number(BigDecimal.ONE));
        case "steps.check.outcome" -> Facts.Lookup.of(Value.text("failed"));
        case "steps.health.json.checks.database" -> Facts.Lookup.of(Value.bool(false));
        case "steps.health.json.status" -> Facts.Lookup.of(Value.text("degraded"));
        case "steps.health.json.latency" -> Facts.Lookup.of(Value.number(new BigDecimal("2.50")));
        case "steps.build.exit" -> Facts.Lookup.none("build was skipped");
        case "steps.build.outcome" -> Facts.Lookup.of(Value.text("skipped"));
        case "env", "environment" -> Facts.Lookup.of(Value.text("staging"));
        case "vars.REGION" -> Facts.Lookup.of(Value.text("eu"));
        case "vars.PORT" -> Facts.Lookup.of(Value.text("8080"));
        case "vars.FLAG" -> Facts.Lookup.of(Value.text("true"));
        default -> Facts.Lookup.none("not recorded");
    };

    static Stream<Arguments> decided() {
        return Stream.of(
                Arguments.of("${steps.check.exit} != 0", true, "1 != 0"),
                Arguments.of("${steps.check.exit} == 0", false, "1 == 0"),
                Arguments.of("${steps.check.exit} >= 1", true, "1 >= 1"),
                Arguments.of("${steps.check.exit} > 1", false, "1 > 1"),
                Arguments.of("${steps.check.exit} < 2", true, "1 < 2"),
                Arguments.of("${steps.check.exit} <= 0", false, "1 <= 0"),
                Arguments.of("${steps.check.exit} == 1.0", true, "1 == 1"),
                Arguments.of("${steps.check.exit} == -1", false, "1 == -1"),
                Arguments.of("${steps.check.outcome} == failed", true, "failed == failed"),
                Arguments.of("${steps.check.outcome} == 'failed'", true, "failed == failed"),
                Arguments.of("${steps.health.json.checks.database} == false", true, "false == false"),
                Arguments.of("${steps.health.json.checks.database} == 'false'", true, "false == false"),
                Arguments.of("${steps.health.json.checks.database}", false, "false"),
                Arguments.of("!${steps.health.json.checks.database}", true, "!false"),
                Arguments.of("${steps.health.json.status} == \"degraded\"", true, "degraded == degraded"),
                Arguments.of("${steps.health.json.latency} > 2.5", false, "2.5 > 2.5"),
                Arguments.of("${env} == production", false, "staging == production"),
                Arguments.of("${environment} != production", true, "staging != production"),
                Arguments.of("${vars.PORT} == 8080", true, "8080 == 8080"),
                Arguments.of("${vars.PORT} > 80", true, "8080 > 80"),
                Arguments.of("${vars.REGION} == 'eu'", true, "eu == eu"),
                Arguments.of("${vars.FLAG}", true, "true"),
                Arguments.of("${vars.REGION} == 'eu west'", false, "eu == 'eu west'"),
                Arguments.of("true", true, "true"),
                Arguments.of("!true", false, "!true"),
                Arguments.of("${env} == staging && ${steps.check.exit} != 0", true, "staging == staging && 1 != 0"),
                Arguments.of("${env} == production && ${steps.build.exit} == 0", false,
                        "staging == production && ${steps.build.exit} == 0"),
                Arguments.of("${env} == staging || ${steps.build.exit} == 0", true,
                        "staging == staging || ${steps.build.exit} == 0"),
                Arguments.of("${steps.build.outcome} == succeeded && ${steps.build.exit} == 0", false,
                        "skipped == succeeded && ${steps.build.exit} == 0"),
                Arguments.of("false || true && false", false, "false || true && false"),
                Arguments.of("(false || true) && false", false, "(false || true) && false"),
                Arguments.of("!(${steps.check.exit} == 0 || ${env} == production)", true, "!(1 == 0 || staging == production)"),
                Arguments.of("!${steps.check.exit} == 0", true, "!1 == 0"),
                Arguments.of("(${steps.check.exit} == 1) == true", true, "1 == 1 == true"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("decided")
    void decides(String text, boolean holds, String shown) {
        assertThat(ConditionParser.parse(text).evaluate(FACTS)).isEqualTo(new Evaluation.Decided(holds, shown));
    }

    static Stream<Arguments> undecided() {
        return Stream.of(
                Arguments.of("${steps.build.exit} == 0", "${steps.build.exit} has no value: build was skipped"),
                Arguments.of("${steps.health.json.status} > 1", "> compares numbers; degraded is not one"),
                Arguments.of("${steps.health.json.status}", "${steps.health.json.status} is degraded, not true or false"),
                Arguments.of("${steps.nope.exit} != 0", "${steps.nope.exit} has no value: not recorded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecided")
    void saysWhyItCannotDecide(String text, String why) {
        assertThat(ConditionParser.parse(text).evaluate(FACTS)).isEqualTo(new Evaluation.Undecided(why));
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("", "the condition is empty", 0),
                Arguments.of("${steps.check.exit} = 0", "'=' alone is not an operator; compare with ==", 20),
                Arguments.of("${steps.check.exit} != ", "expected a value, a ${reference} or '(', got the end", 23),
                Arguments.of("${steps.check.exit != 0", "unclosed reference '${steps.check.exit != 0'; add the closing '}'", 0),
                Arguments.of("${env} == 'prod", "unclosed string: add the closing '", 10),
                Arguments.of("${steps.check} == 0", "unknown reference ${steps.check} in a condition; " + Reference.EXPECTED, 0),
                Arguments.of("${version} == v1", "unknown reference ${version} in a condition; " + Reference.EXPECTED, 0),
                Arguments.of("1 == 1 == 1", "comparisons do not chain: join them with && or ||, at '=='", 7),
                Arguments.of("(true", "expected ')' to close '(', got the end", 5),
                Arguments.of("true & false", "'&' alone is not an operator; join conditions with &&", 5),
                Arguments.of("true | false", "'|' alone is not an operator; join conditions with ||", 5),
                Arguments.of("${env} == 1.2.3", "'1.2.3' is not a number; quote text that starts with a digit: '1.2.3'", 10),
                Arguments.of("${env} == eu west", "expected && or || or the end, got 'west'", 13),
                Arguments.of("${env} == #", "unexpected '#'; quote text that is not one word", 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void reportsWhereItCannotBeRead(String text, String message, int offset) {
        assertThatThrownBy(() -> ConditionParser.parse(text)).isInstanceOfSatisfying(ConditionSyntaxException.class,
                e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    private static final Scope SCOPE = new Scope(Set.of("check", "health"), Set.of("check", "health", "restart"),
            Set.of("staging", "production"), Set.of("REGION"));

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("${steps.restart.exit} != 0", "${steps.restart.exit}: step 'restart' does not run before"
                        + " this; a condition can only use steps that ran earlier", null, 0),
                Arguments.of("${steps.chek.exit} != 0", "${steps.chek.exit}: no step named 'chek' runs before this",
                        "did you mean 'check'?", 0),
                Arguments.of("${env} == prodution", "unknown environment 'prodution'; declared: production, staging",
                        "did you mean 'production'?", 10),
                Arguments.of("${steps.check.outcome} == falied", "a step's outcome is succeeded, failed, skipped, not"
                        + " 'falied'", "did you mean 'failed'?", 26),
                Arguments.of("${steps.check.exit} > high", "> compares numbers; high is not one", null, 22),
                Arguments.of("${env} < ${steps.check.exit}", "< compares numbers; ${env} is not one", null, 0),
                Arguments.of("${steps.check.exit}", "${steps.check.exit} is an exit code, not a condition",
                        "compare it: e.g. ${steps.check.exit} != 0", 0),
                Arguments.of("production", "expected a condition, got production",
                        "compare it: e.g. ${env} == production", 0),
                Arguments.of("true && ${vars.PORT} == 1", "${vars.PORT} is not defined for every environment; add it"
                        + " to vars or to each environment's vars", null, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesWhatCannotWorkWhereItIsWritten(String text, String message, String hint, int offset) {
        assertThat(ConditionCheck.problems(ConditionParser.parse(text), SCOPE))
                .containsExactly(new ConditionCheck.Problem(message, hint, offset));
    }

    static Stream<String> valid() {
        return Stream.of("${steps.check.exit} != 0", "${steps.health.json.checks.database} == false",
                "${steps.check.outcome} == failed && ${env} == production", "${vars.REGION} == eu",
                "!${steps.health.json.ok}", "${steps.check.exit} >= 2 || ${steps.health.json.latency} > 0.5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsWhatCanWork(String text) {
        assertThat(ConditionCheck.problems(ConditionParser.parse(text), SCOPE)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void bindingThePlansValuesLeavesOnlyTheRunsToDecide() {
        Condition condition = ConditionParser.parse("${env} == staging && ${steps.check.exit} != 0");
        Map<String, Value> plan = Map.of("env", Value.text("staging"));

        Condition bound = condition.bind(r -> plan.get(r.source()));

        assertThat(bound.source()).isEqualTo(condition.source());
        assertThat(bound.references()).extracting(Reference::source).containsExactly("steps.check.exit");
        assertThat(bound.needsRun()).isTrue();
        assertThat(condition.bind(r -> Value.text("x")).needsRun()).isFalse();
    }
}
