package dev.shipshape.steps.http;

import dev.shipshape.engine.StepResult;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** How waiting for a response ended: a response, a failure to get one, or the attempt was stopped. */
sealed interface SendOutcome {

    record Received(HttpResponse<ReceivedBody> response) implements SendOutcome {
    }

    record Failed(Throwable failure) implements SendOutcome {
    }

    /** Timed out or cancelled while waiting; the result is already known. */
    record Stopped(StepResult result) implements SendOutcome {
    }

    default StepResult map(Function<HttpResponse<ReceivedBody>, StepResult> onResponse,
                           Function<Throwable, StepResult> onFailure) {
        return switch (this) {
            case Received r -> onResponse.apply(r.response());
            case Failed f -> onFailure.apply(f.failure());
            case Stopped s -> s.result();
        };
    }
}
