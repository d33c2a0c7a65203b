package dev.shipshape.runbook;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A step a person confirms ({@code confirm: "Check Sentry for new errors"}): the run waits until someone confirms it,
 * at the terminal running it or with {@code shipshape confirm RUN_ID} from another one.
 *
 * @param question     what the person checks or does, then confirms
 * @param instructions more text shown at that point, or null
 */
public record ConfirmStep(String question, String instructions, StepOptions options) implements Step {

    /** Waiting is ended by a person, not by the usual 30 minutes. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);

    @Override
    public String kind() {
        return "confirm";
    }

    @Override
    public String summary() {
        return question;
    }

    /** Waiting again for the same confirmation does no harm: a resumed run waits again (or finds it given). */
    @Override
    public boolean idempotentByDefault() {
        return true;
    }

    @Override
    public Duration defaultTimeout() {
        return DEFAULT_TIMEOUT;
    }

    @Override
    public ConfirmStep mapStrings(UnaryOperator<String> f) {
        return new ConfirmStep(f.apply(question), instructions == null ? null : f.apply(instructions),
                options.mapStrings(f));
    }
}
