package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Step;
import dev.shipshape.runbook.StepOptions;
import java.util.List;
import java.util.Optional;

/**
 * Reads the steps of one kind. A new step kind is a record in the runbook package, a reader
 * implementing this, and one entry in {@link StepReader}'s table.
 */
public interface KindReader {

    /** The kind key as written in YAML: {@code run}, {@code http}. */
    String kind();

    /** The kind's own keys, besides the kind key and the options every step has. */
    List<String> keys();

    /** Reads the step; problems go to the shared collector; empty when the step cannot be built. */
    Optional<Step> read(Fields fields, StepOptions options);
}
