package dev.shipshape.runbook.yaml;


import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of the runbook format, for editors: point a YAML language server
 * at it to get completion, help texts and early errors while writing {@code shipshape.yaml}.
 * The loader stays the authority; the schema only catches what can be seen without context.
 */
public final class RunbookSchema {

    private static final String RESOURCE = "shipshape.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunbookSchema() {
    }

    /** The schema's JSON text: the shared part shipped inside the jar, with one definition per step kind. */
    public static String text(List<? extends StepSyntax> kinds) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(base());
            ObjectNode defs = (ObjectNode) schema.get("$defs");
            ObjectNode step = (ObjectNode) defs.get("step");
            ArrayNode oneOf = step.putArray("oneOf");
            for (StepSyntax kind : kinds) {
                String name = definitionName(kind.key());
                defs.set(name, withSharedOptions((ObjectNode) JSON.readTree(kind.schema())));
                oneOf.addObject().put("$ref", "#/$defs/" + name);
            }
            step.put("description", "One step: a map with exactly one kind key ("
                    + String.join(", ", kinds.stream().map(StepSyntax::key).toList()) + ").");
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options every kind takes and no kind's own definition lists: where (environments), when and how often a step runs. */
    private static ObjectNode withSharedOptions(ObjectNode kind) {
        if (kind.get("properties") instanceof ObjectNode properties) {
            properties.putObject(EnvironmentFilter.KEY).put("$ref", "#/$defs/stepEnvironments");
            properties.putObject(ConditionReader.KEY).put("$ref", "#/$defs/condition");
            properties.putObject(RepeatReader.KEY).put("$ref", "#/$defs/repeat");
        }
        return kind;
    }

    /** {@code postgres.backup} is defined as {@code postgresBackupStep}. */
    private static String definitionName(String key) {
        String[] parts = key.split("\\.");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.append("Step").toString();
    }

    private static String base() throws IOException {
        try (InputStream in = RunbookSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ShipshapeException(Code.FAILED, "the runbook schema is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
