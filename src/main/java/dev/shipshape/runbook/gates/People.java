package dev.shipshape.runbook.gates;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Who has which roles ({@code people:} at the top of a runbook), for approvals and sign-offs. */
public record People(Map<String, List<String>> roles) {

    public People {
        Map<String, List<String>> copy = new TreeMap<>();
        roles.forEach((person, r) -> copy.put(person, List.copyOf(r)));
        roles = java.util.Collections.unmodifiableMap(copy);
    }

    public static People none() {
        return new People(Map.of());
    }

    public List<String> rolesOf(String person) {
        return roles.getOrDefault(person, List.of());
    }

    /** Whether {@code person} is one of {@code allowed}, or has one of those roles; an empty list allows anyone. */
    public boolean allows(String person, List<String> allowed) {
        return allowed.isEmpty() || allowed.contains(person) || rolesOf(person).stream().anyMatch(allowed::contains);
    }

    /** "bob (sre, lead)" or "bob" for a person without roles. */
    public String describe(String person) {
        List<String> r = rolesOf(person);
        return r.isEmpty() ? person : person + " (" + String.join(", ", r) + ")";
    }
}
