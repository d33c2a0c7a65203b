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
    private final Problems problems;

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
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(parser, path, at);
            case START_ARRAY -> sequence(parser, path, at);
            default -> scalar(parser, path, at);
        };
    }

    private Node mapping(JsonParser parser, String path, JsonLocation at) throws IOException {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Node.Entry> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            Node.Entry entry = new Node.Entry(key, line(keyAt), column(keyAt), value(parser, Problems.child(path, key)));
            Node.Entry first = seen.putIfAbsent(key, entry);
            if (first == null) {
                entries.add(entry);
            } else {
                problems.add(entry, path, "duplicate key '" + key + "'",
                        "first written at line " + first.line() + "; remove one of them");
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
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
            problems.add(line(at), column(at), path, "YAML aliases (*" + text + ") are not supported",
                    "write the value out");
        }
        return new Node.Scalar(value, text, line(at), column(at));
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getLineNr(), 0);
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(at.getColumnNr(), 0);
    }
}
