package dev.shipshape.runbook.yaml;


import dev.shipshape.Suggestions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of one YAML mapping at a known path, read with the right types. Unknown and missing
 * keys become problems, with a "did you mean" where a key looks misspelt.
 */
public final class Fields {

    private final Node.Mapping mapping;
    private final String path;
    private final Values values;

    public Fields(Node.Mapping mapping, String path, Values values) {
        this.mapping = mapping;
        this.path = path;
        this.values = values;
    }

    /** The fields of a node that must be a map; empty (with a problem) when it is not. */
    public static Optional<Fields> of(Node node, String path, Values values, String expected) {
        if (node instanceof Node.Mapping m) {
            return Optional.of(new Fields(m, path, values));
        }
        return values.wrongType(node, path, expected);
    }

    public Node.Mapping mapping() {
        return mapping;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return Problems.child(path, key);
    }

    /** Reports every key not in {@code allowed}. */
    public void allowOnly(List<String> allowed) {
        for (Node.Entry e : mapping.entries()) {
            if (!allowed.contains(e.key())) {
                values.problems().add(e, path, "unknown key '" + e.key() + "'", Suggestions.hint(e.key(), allowed));
            }
        }
    }

    public Optional<Node> node(String key) {
        return mapping.entry(key).map(Node.Entry::value);
    }

    /** The value of a key that must be present and not null. */
    public Optional<Node> required(String key) {
        Optional<Node> node = node(key).filter(n -> !(n instanceof Node.Scalar s && s.isNull()));
        if (node.isEmpty()) {
            values.problems().add(mapping, path, "missing required key '" + key + "'");
        }
        return node;
    }

    /** The value of an optional key; an explicit null counts as absent. */
    public Optional<Node> optional(String key) {
        return node(key).filter(n -> !(n instanceof Node.Scalar s && s.isNull()));
    }

    public Optional<String> string(String key) {
        return optional(key).flatMap(n -> values.string(n, path(key)));
    }

    public Optional<Integer> integer(String key) {
        return optional(key).flatMap(n -> values.integer(n, path(key)));
    }

    public Optional<Boolean> bool(String key) {
        return optional(key).flatMap(n -> values.bool(n, path(key)));
    }

    public Optional<Duration> duration(String key) {
        return optional(key).flatMap(n -> values.duration(n, path(key)));
    }

    public Map<String, String> textMap(String key) {
        return optional(key).map(n -> values.textMap(n, path(key))).orElseGet(Map::of);
    }

    /** One of a fixed set of lower-case words, mapped to its enum constant. */
    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return string(key).flatMap(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return Optional.of(constant);
                }
            }
            List<String> words = List.of(type.getEnumConstants()).stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            values.problems().add(node(key).orElseThrow(), path(key),
                    "'" + text + "' is not allowed; expected " + String.join("|", words),
                    Suggestions.closest(text, words).map(w -> "did you mean '" + w + "'?").orElse(null));
            return Optional.empty();
        });
    }
}
