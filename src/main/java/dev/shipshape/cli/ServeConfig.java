package dev.shipshape.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.app.Shipshape;
import java.util.List;
import java.util.Set;

/** The {@code server:} section of {@code .shipshape/config.yaml}: each key checked, an unknown one named. */
final class ServeConfig {

    private static final List<String> KEYS = List.of("bind", "port", "runbooks", "public_metrics", "access_log");

    private final JsonNode section;
    private final String file;

    private ServeConfig(JsonNode section, String file) {
        this.section = section;
        this.file = file;
    }

    static ServeConfig of(Shipshape app) {
        JsonNode section = app.config("server");
        String file = app.configFile().toString();
        if (!section.isMissingNode() && !section.isObject()) {
            throw new ShipshapeException(Code.INVALID_INPUT, file + ": server: must be a map of " + String.join(", ",
                    KEYS));
        }
        Set<String> known = Set.copyOf(KEYS);
        section.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new ShipshapeException(Code.INVALID_INPUT, file + ": unknown setting server." + key + "; "
                        + dev.shipshape.Suggestions.hint(key, KEYS));
            }
        });
        return new ServeConfig(section, file);
    }

    String text(String key, String otherwise) {
        JsonNode value = section.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw wrong(key, "a string");
        }
        return value.asText();
    }

    int number(String key, int otherwise) {
        JsonNode value = section.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        if (!value.isInt()) {
            throw wrong(key, "a whole number");
        }
        return value.asInt();
    }

    boolean flag(String key) {
        JsonNode value = section.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrong(key, "true or false");
        }
        return value.asBoolean();
    }

    private ShipshapeException wrong(String key, String what) {
        return new ShipshapeException(Code.INVALID_INPUT, file + ": server." + key + " must be " + what);
    }
}
