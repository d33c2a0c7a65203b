package dev.shipshape.runbook.yaml;


import dev.shipshape.steps.StepKinds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates runbook YAML against {@link RunbookSchema} the way an editor would. */
final class SchemaValidation {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RunbookSchema.text(StepKinds.all()));

    /** The schema's complaints about the YAML text; empty when it is accepted. */
    List<String> errors(String yamlText) {
        try {
            JsonNode document = yaml.readTree(yamlText);
            return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
