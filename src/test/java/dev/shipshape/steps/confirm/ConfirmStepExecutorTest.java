package dev.shipshape.steps.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.confirmations.Confirmation;
import dev.shipshape.confirmations.ConfirmationLedger;
import dev.shipshape.confirmations.OperatorPrompt;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StepContext;
import dev.shipshape.engine.StepResult;
import dev.shipshape.runbook.ConfirmStep;
import dev.shipshape.runbook.StepOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator at the terminal may confirm their own run, by typing yes (and a note). */
class ConfirmStepExecutorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    private final Map<String, Confirmation> recorded = new HashMap<>();
    private final ConfirmationLedger ledger = new ConfirmationLedger() {
        @Override
        public void confirm(Confirmation confirmation) {
            recorded.put(confirmation.stepId(), confirmation);
        }

        @Override
        public Optional<Confirmation> confirmation(String runId, String stepId) {
            return Optional.ofNullable(recorded.get(stepId));
        }
    };
    private final List<String> output = new ArrayList<>();

    /** Answers with the lines given, then nothing. */
    private static OperatorPrompt typing(String... lines) {
        Deque<String> typed = new ArrayDeque<>(List.of(lines));
        return new OperatorPrompt() {
            @Override
            public boolean present() {
                return true;
            }

            @Override
            public String operator() {
                return "alice";
            }

            @Override
            public String nextLine(Duration wait) {
                return typed.poll();
            }

            @Override
            public void discardTyped() {
            }
        };
    }

    private StepResult run(OperatorPrompt operator, Duration timeout) {
        ConfirmStepExecutor executor = new ConfirmStepExecutor(ledger, operator, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMillis(1));
        StepContext context = new StepContext("r-1", Path.of("."), timeout, Secrets.NONE, output::add, () -> false);
        return executor.execute("fix/2", new ConfirmStep("Scale the pool, then confirm", "In the console.",
                StepOptions.defaults()), context);
    }

    @Test
    void theOperatorConfirmsAtTheTerminalWithANote() {
        StepResult result = run(typing("later", "yes, scaled to 200"), Duration.ofMinutes(1));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).isEqualTo("confirmed by alice at 2026-12-04T15:00:00Z: scaled to 200");
        assertThat(recorded.get("fix/2").by()).isEqualTo("alice");
        assertThat(output).containsExactly("waiting for confirmation: Scale the pool, then confirm",
                "  In the console.", "confirm with: shipshape confirm r-1 --step fix/2 [--note ...]",
                "or type 'yes' here (a note may follow: yes, no new errors) to confirm as alice",
                "type 'yes' to confirm (got 'later')");
    }

    @Test
    void aConfirmationAlreadyRecordedEndsTheStepAtOnce() {
        ledger.confirm(new Confirmation("r-1", "fix/2", "bob", null, NOW));

        StepResult result = run(OperatorPrompt.NONE, Duration.ofMinutes(1));

        assertThat(result.message()).isEqualTo("confirmed by bob at 2026-12-04T15:00:00Z");
        assertThat(output).isEmpty();
    }

    @Test
    void withoutAConfirmationTheStepTimesOutSayingWhatItWaitedFor() {
        StepResult result = run(OperatorPrompt.NONE, Duration.ofMillis(20));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.message()).isEqualTo("timed out waiting for confirmation: Scale the pool, then confirm");
    }
}
