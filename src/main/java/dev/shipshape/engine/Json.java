package dev.shipshape.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Reading the JSON answers steps keep for conditions. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Whether the text is one JSON object or array (what a condition can look into). */
    static boolean isDocument(String text) {
        return read(text).filter(node -> node.isObject() || node.isArray()).isPresent();
    }

    static Optional<JsonNode> read(String text) {
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
