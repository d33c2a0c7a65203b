package dev.shipshape.runbook;

import dev.shipshape.runbook.gates.Gates;
import java.util.Map;

/**
 * A place a service is deployed to, with the variables that differ there and the gates a
 * deployment must pass (windows, promotion, checklist).
 */
public record Environment(String name, Map<String, String> vars, Gates gates) {
    public Environment {
        vars = Map.copyOf(vars);
        gates = gates == null ? Gates.none() : gates;
    }

    public Environment(String name, Map<String, String> vars) {
        this(name, vars, Gates.none());
    }
}
