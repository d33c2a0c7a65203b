package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Names;
import dev.shipshape.runbook.Procedure;
import dev.shipshape.runbook.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code procedures:} map: each procedure's description, when, timeout and steps. */
final class ProcedureReader {

    private static final List<String> KEYS = List.of("description", "when", "timeout", "steps");

    private final Values values;
    private final StepReader steps;

    ProcedureReader(Values values, StepReader steps) {
        this.values = values;
        this.steps = steps;
    }

    Map<String, Procedure> procedures(Node node, String path) {
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        if (!(node instanceof Node.Mapping mapping)) {
            values.wrongType(node, path, "a map of procedure names to their description and steps");
            return procedures;
        }
        for (Node.Entry e : mapping.entries()) {
            if (!Names.isValid(e.key())) {
                values.problems().add(e, path, "'" + e.key() + "' is not a valid procedure name; " + Names.RULE, null);
                continue;
            }
            procedure(e.key(), e.value(), Problems.child(path, e.key())).ifPresent(p -> procedures.put(p.name(), p));
        }
        return procedures;
    }

    private Optional<Procedure> procedure(String name, Node node, String path) {
        return Fields.of(node, path, values, "a procedure (a map with description and steps)").map(f -> {
            f.allowOnly(KEYS);
            String description = f.required("description").flatMap(n -> values.string(n, f.path("description")))
                    .orElse("");
            List<Step> list = f.required("steps").map(n -> steps.steps(n, f.path("steps"), "a procedure"))
                    .orElse(List.of());
            return new Procedure(name, description, f.string("when").orElse(null), list,
                    f.duration("timeout").orElse(null));
        });
    }
}
