package dev.shipshape.plan;

import dev.shipshape.runbook.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Execution order of stages: file order, except that a stage moves after the stages it needs.
 * The loader has already rejected unknown needs and cycles.
 */
final class StageOrder {

    private StageOrder() {
    }

    static List<Stage> of(List<Stage> declared) {
        List<Stage> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Stage> waiting = new ArrayList<>(declared);
        while (!waiting.isEmpty()) {
            Stage next = waiting.stream().filter(s -> placed.containsAll(s.needs())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("stage dependencies form a cycle"));
            waiting.remove(next);
            placed.add(next.name());
            ordered.add(next);
        }
        return ordered;
    }
}
