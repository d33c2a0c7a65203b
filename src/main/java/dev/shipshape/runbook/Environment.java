package dev.shipshape.runbook;

import java.util.Map;

/** A place a service is deployed to, with the variables that differ there. */
public record Environment(String name, Map<String, String> vars) {
    public Environment {
        vars = Map.copyOf(vars);
    }
}
