package dev.shipshape.runbook.condition;

import java.util.Set;

/**
 * What a condition may refer to where it is written.
 *
 * @param earlier      names of the steps that run before it
 * @param named        names of every step of the runbook (to tell "not earlier" from "no such step")
 * @param environments the runbook's environments
 * @param vars         variables every environment defines
 * @param runEnded     whether the run's outcome is known there ({@code ${run.outcome}}: always-steps)
 */
public record Scope(Set<String> earlier, Set<String> named, Set<String> environments, Set<String> vars,
                    boolean runEnded) {

    public Scope(Set<String> earlier, Set<String> named, Set<String> environments, Set<String> vars) {
        this(earlier, named, environments, vars, false);
    }

    public Scope {
        earlier = Set.copyOf(earlier);
        named = Set.copyOf(named);
        environments = Set.copyOf(environments);
        vars = Set.copyOf(vars);
    }
}
