package dev.shipshape.runbook.yaml;

/**
 * How the steps of one kind are written: the kind key, a reader (made for each runbook read, so it
 * reports into that runbook's problems), and the kind's definition in the JSON Schema.
 */
public interface StepSyntax {

    /** The kind key as written in YAML: {@code run}, {@code http}, {@code postgres.backup}. */
    String key();

    KindReader reader(Values values);

    /** The JSON Schema (draft 2020-12) object of a step of this kind; it may refer to the shared {@code $defs}. */
    String schema();
}
