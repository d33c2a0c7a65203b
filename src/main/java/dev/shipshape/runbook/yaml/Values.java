package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.Durations;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts single YAML values to what the runbook model wants, recording a problem (and returning
 * empty) when a value has the wrong type or shape.
 */
public final class Values {

    private final Problems problems;
    private final VarValues vars;

    public Values(Problems problems) {
        this(problems, new VarValues(null));
    }

    Values(Problems problems, VarValues vars) {
        this.problems = problems;
        this.vars = vars;
    }

    VarValues vars() {
        return vars;
    }

    public Problems problems() {
        return problems;
    }

    /** A string; numbers count too, since YAML reads {@code name: 2024} as one. */
    public Optional<String> string(Node node, String path) {
        if (node instanceof Node.Scalar s && (s.value() instanceof String || s.value() instanceof Number)) {
            return Optional.of(s.text());
        }
        return wrongType(node, path, "a string");
    }

    /** Any scalar as text: {@code 8080} becomes "8080", {@code true} becomes "true". */
    public Optional<String> text(Node node, String path) {
        if (node instanceof Node.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        if (node instanceof Node.Scalar) {
            problems.add(node, path, "expected a value, got nothing", "write '' for an empty value");
            return Optional.empty();
        }
        return wrongType(node, path, "a string, number or boolean");
    }

    /** A whole number; {@code ${vars.NAME}} takes the environment's value (see {@link VarValues}). */
    public Optional<Integer> integer(Node node, String path) {
        if (VarValues.refersToVars(node)) {
            return vars.value((Node.Scalar) node, path, problems, Values::wholeNumber, "a whole number");
        }
        if (node instanceof Node.Scalar s && s.value() instanceof Number n && !(n instanceof Double)) {
            if (n instanceof BigInteger || n.longValue() != n.intValue()) {
                problems.add(node, path, "the number " + s.text() + " is too large");
                return Optional.empty();
            }
            return Optional.of(n.intValue());
        }
        return wrongType(node, path, "a whole number");
    }

    private static Optional<Integer> wholeNumber(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<Boolean> bool(Node node, String path) {
        if (node instanceof Node.Scalar s && s.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        return wrongType(node, path, "true or false");
    }

    /** A duration; {@code ${vars.NAME}} takes the environment's value (see {@link VarValues}). */
    public Optional<Duration> duration(Node node, String path) {
        if (VarValues.refersToVars(node)) {
            return vars.value((Node.Scalar) node, path, problems, Durations::parse,
                    "a duration (e.g. 30s, 5m, 2h)");
        }
        return string(node, path).flatMap(text -> {
            Optional<Duration> parsed = Durations.parse(text);
            if (parsed.isEmpty()) {
                problems.add(node, path, "'" + text + "' is not a duration; write e.g. 30s, 5m, 2h");
            }
            return parsed;
        });
    }

    /** A map of names to text values, as {@code vars}, {@code env} and {@code headers} are written. */
    public Map<String, String> textMap(Node node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Node.Scalar s && s.isNull()) {
            return out;
        }
        if (!(node instanceof Node.Mapping mapping)) {
            wrongType(node, path, "a map of names to values");
            return out;
        }
        for (Node.Entry e : mapping.entries()) {
            text(e.value(), Problems.child(path, e.key())).ifPresent(v -> out.put(e.key(), v));
        }
        return out;
    }

    /** The items of a list, or the value itself where one item may be written without brackets. */
    public List<Node> oneOrMany(Node node) {
        return node instanceof Node.Sequence seq ? seq.items() : List.of(node);
    }

    /** Items of a list, each with its path; records a problem when the value is not a list. */
    public List<Node> list(Node node, String path, String expected) {
        if (node instanceof Node.Sequence seq) {
            return seq.items();
        }
        wrongType(node, path, expected);
        return List.of();
    }

    public List<Integer> integers(Node node, String path) {
        List<Integer> out = new ArrayList<>();
        List<Node> items = oneOrMany(node);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = node instanceof Node.Sequence ? Problems.item(path, i) : path;
            integer(items.get(i), itemPath).ifPresent(out::add);
        }
        return out;
    }

    public List<String> strings(Node node, String path) {
        List<String> out = new ArrayList<>();
        List<Node> items = oneOrMany(node);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = node instanceof Node.Sequence ? Problems.item(path, i) : path;
            string(items.get(i), itemPath).ifPresent(out::add);
        }
        return out;
    }

    public <T> Optional<T> wrongType(Node node, String path, String expected) {
        problems.add(node, path, "expected " + expected + ", got " + node.typeName());
        return Optional.empty();
    }
}
