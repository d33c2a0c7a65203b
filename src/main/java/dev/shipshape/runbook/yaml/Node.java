package dev.shipshape.runbook.yaml;


import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the place it was written, so that every problem can point at a line and column.
 * Jackson's own tree drops positions, hence this small tree of our own.
 */
public sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {

    int line();

    int column();

    /** The word used in "expected a string, got a list". */
    String typeName();

    /** A key of a mapping, where it was written, and its value. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A YAML mapping; keys are unique (duplicates are reported while reading and dropped). */
    record Mapping(List<Entry> entries, int line, int column) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String typeName() {
            return "a map";
        }
    }

    /** A YAML list. */
    record Sequence(List<Node> items, int line, int column) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "a list";
        }
    }

    /**
     * A YAML scalar.
     *
     * @param value String, Integer, Long, BigInteger, Double, Boolean or null, as YAML typed it
     * @param text  the scalar as written, used where runbooks want text (vars, env, headers)
     */
    record Scalar(Object value, String text, int line, int column) implements Node {

        public boolean isNull() {
            return value == null;
        }

        @Override
        public String typeName() {
            if (value == null) return "nothing";
            if (value instanceof String) return "a string";
            if (value instanceof Boolean) return "a boolean";
            return "a number";
        }
    }
}
