package dev.shipshape.runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Execution order of stages: file order, except that a stage moves after the stages it needs. The loader rejects
 * unknown needs and cycles; should it meet them (while checking a runbook it will refuse), the stages that cannot
 * be placed follow in file order.
 */
public final class StageOrder {

    private StageOrder() {
    }

    public static List<Stage> of(List<Stage> declared) {
        List<Stage> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Stage> waiting = new ArrayList<>(declared);
        while (!waiting.isEmpty()) {
            Stage next = waiting.stream().filter(s -> placed.containsAll(s.needs())).findFirst()
                    .orElse(waiting.getFirst());
            waiting.remove(next);
            placed.add(next.name());
            ordered.add(next);
        }
        return ordered;
    }
}
