package dev.shipshape.remote;

import dev.shipshape.engine.Change;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.State;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a server's run events back into the engine's {@link Change} values, so that a run on a server is shown
 * with the same live progress as a local one. A step's time is the span from its {@code step.running} event to
 * the event that ended it.
 */
public final class EventChanges {

    private final Map<String, Instant> stepStarted = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    /** The change an event stands for; empty for events that show nothing (an output line is not a change). */
    public Optional<Change> of(RemoteEvent event) {
        String runId = event.text("runId");
        String subject = event.text("subject");
        String message = event.text("message");
        Instant at = at(event.text("at"));
        String kind = event.kind();
        int dot = kind.indexOf('.');
        if (dot < 0 || runId == null) {
            return Optional.empty();
        }
        String family = kind.substring(0, dot);
        String what = kind.substring(dot + 1);
        return switch (family) {
            case "run" -> RunStatus.ofLabel(what).map(s -> new Change.RunChanged(runId, at, s, message));
            case "stage" -> state(what).map(s -> new Change.StageChanged(runId, at, subject, s, message));
            case "step" -> state(what).<Change>map(s -> step(runId, at, subject, s, message))
                    .or(() -> Optional.of(new Change.Note(runId, at, kind, message)));
            default -> Optional.of(new Change.Note(runId, at, kind, message));
        };
    }

    private Change step(String runId, Instant at, String stepId, State state, String message) {
        Long duration = null;
        if (state == State.RUNNING) {
            stepStarted.put(stepId, at);
            attempts.merge(stepId, 1, Integer::sum);
        } else if (stepStarted.containsKey(stepId)) {
            duration = Math.max(0, at.toEpochMilli() - stepStarted.remove(stepId).toEpochMilli());
        }
        return new Change.StepChanged(runId, at, stepId, state, attempts.getOrDefault(stepId, 1), null, null, 0,
                duration, message);
    }

    private static Optional<State> state(String label) {
        for (State state : State.values()) {
            if (state.label().equals(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    private static Instant at(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException notMillis) {
                return Instant.EPOCH;
            }
        }
    }
}
