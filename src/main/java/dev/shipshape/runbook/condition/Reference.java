package dev.shipshape.runbook.condition;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a condition refers to, written {@code ${...}}: an earlier step's outcome, exit code or JSON answer, the
 * environment, or a variable.
 *
 * @param source what is between the braces, e.g. {@code steps.check.exit}
 * @param kind   what it points at
 * @param name   the step's name (STEP_*), the variable's (VAR); null otherwise
 * @param path   for STEP_JSON, the path into the answer ({@code checks.database}, {@code items[0].id}); "" for the
 *               whole answer; null otherwise
 * @param offset where the {@code $} is in the condition's text
 */
public record Reference(String source, Kind kind, String name, String path, int offset) {

    /** What a reference points at. */
    public enum Kind {
        STEP_EXIT, STEP_OUTCOME, STEP_JSON, ENVIRONMENT, VAR, RUN_OUTCOME, RUN_STATUS;

        /** Whether the run decides it (a step's result, the run's outcome) rather than the plan (environment, vars). */
        public boolean atRunTime() {
            return this == STEP_EXIT || this == STEP_OUTCOME || this == STEP_JSON || ofRun();
        }

        /** The run's outcome or status, known to always-steps. */
        public boolean ofRun() {
            return this == RUN_OUTCOME || this == RUN_STATUS;
        }

        /** A step's exit code, outcome or answer. */
        public boolean ofStep() {
            return this == STEP_EXIT || this == STEP_OUTCOME || this == STEP_JSON;
        }
    }

    /** The outcomes a step can have when a later step asks: {@code ${steps.NAME.outcome}}. */
    public static final List<String> OUTCOMES = List.of("succeeded", "failed", "skipped");
    /** The run's outcome as always-steps see it, {@code ${run.outcome}}: rolled back counts as failed. */
    public static final List<String> RUN_OUTCOMES = List.of("succeeded", "failed");
    /** The run's status as always-steps see it, {@code ${run.status}}. */
    public static final List<String> RUN_STATUSES = List.of("succeeded", "failed", "rolled_back", "rollback_failed");
    /** The references a condition may use, in words, for messages. */
    public static final String EXPECTED = "expected steps.NAME.exit, steps.NAME.outcome, steps.NAME.json.PATH, env"
            + " (or environment), vars.NAME, run.outcome or run.status";

    private static final Pattern STEP = Pattern.compile("steps\\.(.+?)\\.(exit|outcome|json)((?:[.\\[].*)?)");

    /** The reference for the text between the braces; empty when it is none a condition knows. */
    static Optional<Reference> of(String source, int offset) {
        String s = source.strip();
        if (s.equals("env") || s.equals("environment")) {
            return Optional.of(new Reference(source, Kind.ENVIRONMENT, null, null, offset));
        }
        if (s.equals("run.outcome") || s.equals("run.status")) {
            return Optional.of(new Reference(source, s.equals("run.outcome") ? Kind.RUN_OUTCOME : Kind.RUN_STATUS,
                    null, null, offset));
        }
        if (s.startsWith("vars.") && s.length() > 5) {
            return Optional.of(new Reference(source, Kind.VAR, s.substring(5), null, offset));
        }
        Matcher m = STEP.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String field = m.group(2);
        String rest = m.group(3);
        if (field.equals("json")) {
            return Optional.of(new Reference(source, Kind.STEP_JSON, m.group(1),
                    rest.startsWith(".") ? rest.substring(1) : rest, offset));
        }
        return rest.isEmpty() ? Optional.of(new Reference(source, field.equals("exit") ? Kind.STEP_EXIT
                : Kind.STEP_OUTCOME, m.group(1), null, offset)) : Optional.empty();
    }

    /** As written: {@code ${steps.check.exit}}. */
    public String written() {
        return "${" + source.strip() + "}";
    }
}
