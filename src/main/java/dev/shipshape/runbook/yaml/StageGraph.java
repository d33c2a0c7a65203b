package dev.shipshape.runbook.yaml;


import dev.shipshape.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks how stages refer to each other: unique names, {@code needs} naming stages that exist,
 * no stage needing itself and no cycles, since a cycle could never start.
 */
final class StageGraph {

    /** A stage as declared, with where its name and each of its needs were written. */
    private record Declared(String name, Node at, String path, List<Need> needs) {
    }

    private record Need(String name, Node at, String path) {
    }

    private final Problems problems;
    private final Map<String, Declared> stages = new LinkedHashMap<>();

    StageGraph(Problems problems) {
        this.problems = problems;
    }

    /** Checks the {@code stages} list; shapes and types were reported while reading it. */
    void check(Node stagesNode, String path) {
        if (!(stagesNode instanceof Node.Sequence seq)) {
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            declared(seq.items().get(i), Problems.item(path, i)).ifPresent(this::add);
        }
        stages.values().forEach(this::checkNeeds);
        new Cycles().find();
    }

    private void add(Declared stage) {
        Declared first = stages.putIfAbsent(stage.name(), stage);
        if (first != null) {
            problems.add(stage.at(), Problems.child(stage.path(), "name"), "duplicate stage name '" + stage.name()
                    + "'; stage names must be unique", "first used at line " + first.at().line());
        }
    }

    private void checkNeeds(Declared stage) {
        for (Need need : stage.needs()) {
            if (need.name().equals(stage.name())) {
                problems.add(need.at(), need.path(), "stage '" + stage.name() + "' needs itself", "remove it from needs");
            } else if (!stages.containsKey(need.name())) {
                List<String> others = stages.keySet().stream().filter(n -> !n.equals(stage.name())).toList();
                problems.add(need.at(), need.path(), "needs unknown stage '" + need.name() + "'",
                        Suggestions.closest(need.name(), others).map(n -> "did you mean '" + n + "'?")
                                .orElse(others.isEmpty() ? "it is the only stage; add a stage named '" + need.name()
                                        + "' or remove the need" : "stages are: " + String.join(", ", others)));
            }
        }
    }

    private static Optional<Declared> declared(Node node, String path) {
        if (!(node instanceof Node.Mapping m)) {
            return Optional.empty();
        }
        Optional<Node> name = m.entry("name").map(Node.Entry::value).filter(StageGraph::isText);
        return name.map(n -> new Declared(((Node.Scalar) n).text(), n, path, needs(m, Problems.child(path, "needs"))));
    }

    private static List<Need> needs(Node.Mapping stage, String path) {
        List<Need> needs = new ArrayList<>();
        stage.entry("needs").map(Node.Entry::value).ifPresent(value -> {
            if (isText(value)) {
                needs.add(new Need(((Node.Scalar) value).text(), value, path));
            } else if (value instanceof Node.Sequence seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    Node item = seq.items().get(i);
                    if (isText(item)) {
                        needs.add(new Need(((Node.Scalar) item).text(), item, Problems.item(path, i)));
                    }
                }
            }
        });
        return needs;
    }

    private static boolean isText(Node node) {
        return node instanceof Node.Scalar s && (s.value() instanceof String || s.value() instanceof Number);
    }

    /** Depth-first search; a need that leads back to a stage still on the path closes a cycle. */
    private final class Cycles {
        private final Map<String, Boolean> done = new HashMap<>();
        private final List<String> onPath = new ArrayList<>();

        void find() {
            stages.keySet().forEach(this::visit);
        }

        private void visit(String name) {
            if (done.containsKey(name)) {
                return;
            }
            done.put(name, false);
            onPath.add(name);
            for (Need need : stages.get(name).needs()) {
                if (!stages.containsKey(need.name()) || need.name().equals(name)) {
                    continue;
                }
                if (Boolean.FALSE.equals(done.get(need.name()))) {
                    report(need);
                } else {
                    visit(need.name());
                }
            }
            onPath.remove(onPath.size() - 1);
            done.put(name, true);
        }

        private void report(Need closing) {
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(closing.name()), onPath.size()));
            cycle.add(closing.name());
            problems.add(closing.at(), closing.path(), "stages depend on each other in a cycle: "
                    + String.join(" -> ", cycle), "remove one of these needs");
        }
    }
}
