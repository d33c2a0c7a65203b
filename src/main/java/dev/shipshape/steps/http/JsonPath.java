package dev.shipshape.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a JSON document as runbooks write it: {@code status}, {@code checks.database},
 * {@code items[0].id}, {@code [2]}.
 */
final class JsonPath {

    private static final Pattern SEGMENT = Pattern.compile("\\.?([^.\\[\\]]+)|\\[(\\d+)]");

    private JsonPath() {
    }

    /** The node at the path, or empty when any part of it is missing or the path is malformed. */
    static Optional<JsonNode> find(JsonNode root, String path) {
        Matcher m = SEGMENT.matcher(path);
        JsonNode node = root;
        int end = 0;
        while (m.find() && m.start() == end && node != null) {
            node = m.group(1) != null ? fieldOf(node, m.group(1)) : elementOf(node, m.group(2));
            end = m.end();
        }
        return end == path.length() && node != null ? Optional.of(node) : Optional.empty();
    }

    private static JsonNode fieldOf(JsonNode node, String name) {
        return node.isObject() ? node.get(name) : null;
    }

    private static JsonNode elementOf(JsonNode node, String index) {
        return node.isArray() ? node.get(Integer.parseInt(index)) : null;
    }
}
