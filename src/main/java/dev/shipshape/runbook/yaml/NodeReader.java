package dev.shipshape.runbook.yaml;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML text into a {@link Node} tree that remembers where each value was written.
 * Malformed YAML and duplicate keys become problems rather than exceptions.
 */
final class NodeReader {

    /** The longest line and the longest value read: beyond them the YAML parser slows down badly. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_SCALAR = 64 * 1024;

    // The constructor, unlike the builder, turns on the feature that reads an empty value as null.
    private final YAMLFactory yaml = new YAMLFactory();
    /** How many values aliases may add to the document: enough for shared blocks, far too few for an alias bomb. */
    static final long MAX_EXPANDED = 100_000;

    private final Problems problems;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private long expanded;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or empty when the text is not YAML (a problem has been recorded then). */
    Optional<Node> read(String text) {
        if (tooLongLine(text)) {
            return Optional.empty();
        }
        try (JsonParser parser = yaml.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.of(new Node.Scalar(null, "", 0, 0));
            }
            Node root = value(parser, "");
            rejectFurtherDocuments(parser);
            return Optional.of(root);
        } catch (AliasBomb e) {
            problems.add(e.line, e.column, e.path, "the alias *" + e.name + " takes the runbook past " + MAX_EXPANDED
                    + " values once aliases are expanded", "share smaller blocks, or write the values out");
            return Optional.empty();
        } catch (StreamReadException e) {
            YamlErrors.report(e, problems);
            return Optional.empty();
        } catch (IOException e) {
            problems.add(0, 0, "", "could not read the runbook: " + e.getMessage(), null);
            return Optional.empty();
        }
    }

    /** Refuses the first line over {@link #MAX_LINE} characters before the parser copes with it slowly. */
    private boolean tooLongLine(String text) {
        int start = 0;
        for (int line = 1; start <= text.length(); line++) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_LINE) {
                problems.add(line, MAX_LINE + 1, "", "line " + line + " is " + (stop - start) + " characters long, over "
                        + "the limit of " + MAX_LINE, "split the value over several lines (a '|' block), or read it "
                        + "from a file in the step");
                return true;
            }
            start = stop + 1;
        }
        return false;
    }

    /** A second document after {@code ---} would otherwise be silently ignored. */
    private void rejectFurtherDocuments(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            JsonLocation at = parser.currentTokenLocation();
            problems.add(line(at), column(at), "", "the runbook has more than one YAML document",
                    "keep the whole runbook in one document; remove the '---' line");
        }
    }

    private Node value(JsonParser parser, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
            return alias(parser.getText(), path, at);
        }
        Object anchor = parser.getObjectId();
        Node node = switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, path, at);
            case START_ARRAY -> sequence(parser, path, at);
            default -> scalar(parser, path, at);
        };
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    /**
     * The anchored value itself, so problems inside it point where it was written once. The YAML parser
     * reports anchors on maps and lists only, so an alias of an anchored single value is a problem.
     */
    private Node alias(String name, String path, JsonLocation at) {
        Node target = anchors.get(name);
        if (target == null) {
            problems.add(line(at), column(at), path, "no map or list anchored &" + name + " before the alias *" + name,
                    "anchors work on maps and lists; write a single value out, or share it with vars");
            return new Node.Scalar(null, "", line(at), column(at));
        }
        expanded += size(target);
        if (expanded > MAX_EXPANDED) {
            throw new AliasBomb(name, line(at), column(at), path);
        }
        return target;
    }

    private long size(Node node) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof Node.Mapping m) {
            for (Node.Entry e : m.entries()) {
                size = Math.min(size + size(e.value()), Long.MAX_VALUE / 4);
            }
        } else if (node instanceof Node.Sequence q) {
            for (Node item : q.items()) {
                size = Math.min(size + size(item), Long.MAX_VALUE / 4);
            }
        }
        sizes.put(node, size);
        return size;
    }

    /** Entries merged in with {@code <<: *block} (or a list of blocks); keys written in the mapping win. */
    private void merge(Node.Entry entry, String path, List<Node.Entry> merged) {
        List<Node> blocks = entry.value() instanceof Node.Sequence q ? q.items() : List.of(entry.value());
        for (Node block : blocks) {
            if (block instanceof Node.Mapping m) {
                merged.addAll(m.entries());
            } else {
                problems.add(entry, path, "'<<' merges a map or a list of maps, got " + block.typeName(),
                        "write <<: *name where &name is on a map");
            }
        }
    }

    private Node mapping(JsonParser parser, String path, JsonLocation at) throws IOException {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Node.Entry> seen = new HashMap<>();
        List<Node.Entry> merged = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            Node.Entry entry = new Node.Entry(key, line(keyAt), column(keyAt), value(parser, Problems.child(path, key)));
            if (key.equals("<<")) {
                merge(entry, path, merged);
                continue;
            }
            Node.Entry first = seen.putIfAbsent(key, entry);
            if (first == null) {
                entries.add(entry);
            } else {
                problems.add(entry, path, "duplicate key '" + key + "'",
                        "first written at line " + first.line() + "; remove one of them");
            }
        }
        for (Node.Entry entry : merged) {
            if (seen.putIfAbsent(entry.key(), entry) == null) {
                entries.add(entry);
            }
        }
        return new Node.Mapping(entries, line(at), column(at));
    }

    private Node sequence(JsonParser parser, String path, JsonLocation at) throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, Problems.item(path, items.size())));
        }
        return new Node.Sequence(items, line(at), column(at));
    }

    private Node scalar(JsonParser parser, String path, JsonLocation at) throws IOException {
        Object value = switch (parser.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
        String text = value == null ? "" : parser.getText();
        if (text.length() > MAX_SCALAR) {
            problems.add(line(at), column(at), path, "the value is " + text.length() + " characters long, over the "
                    + "limit of " + MAX_SCALAR, "keep long scripts and data in files the step reads");
        }
        return new Node.Scalar(value, text, line(at), column(at));
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }

    /** Stops reading: an alias bomb would otherwise take the memory. */
    private static final class AliasBomb extends RuntimeException {
        final String name;
        final int line;
        final int column;
        final String path;

        AliasBomb(String name, int line, int column, String path) {
            super(null, null, false, false);
            this.name = name;
            this.line = line;
            this.column = column;
            this.path = path;
        }
    }
}
