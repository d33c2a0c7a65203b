package dev.shipshape.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API's JSON: what it writes (camelCase, ISO-8601 times, no nulls left out so the shape is stable) and how it
 * reads request bodies: strictly, so that an unknown field, a wrong type or a bad document is a 400 that names the
 * field, the line and the column, never a guess.
 */
public final class ApiJson {

    /** A request body's strings and names are bounded: a huge one is refused while it is read. */
    private static final int LONGEST_STRING = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(LONGEST_STRING).maxNameLength(1024).maxNestingDepth(64).build());
        // A number or a boolean where a string is wanted is a wrong type, not a string.
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Set on a request once a handler answered it, so the server's fallback error pages leave it alone. */
    static final String ANSWERED = "shipshape.answered";

    /** Answers with {@code value} as JSON and the given status. */
    public static void answer(Context ctx, int status, Object value) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).contentType("application/json").result(write(value));
    }

    /**
     * The request body as a {@code type}; an empty body reads as {@code {}}.
     *
     * @throws ApiProblem 400 {@code bad_json} or {@code bad_body}, naming where and what
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        return read(body.isBlank() ? "{}" : body, type);
    }

    static <T> T read(String body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiProblem(400, "bad_body", "the body must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw problem("bad_body", "unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")), e);
        } catch (MismatchedInputException e) {
            throw problem("bad_body", wrongType(e, type), e);
        } catch (JsonMappingException e) {
            throw problem("bad_body", firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw problem("bad_json", "the body is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String wrongType(MismatchedInputException e, Class<?> type) {
        String field = path(e);
        if (field.isEmpty()) {
            return "the body must be a JSON object with the fields of " + type.getSimpleName();
        }
        String wanted = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
        return "field '" + field + "' must be " + wanted;
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ApiProblem problem(String code, String message, JsonProcessingException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            details.put("line", at.getLineNr());
            details.put("column", at.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            details.put("field", path(mapping));
        }
        return new ApiProblem(400, code, message, details);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
