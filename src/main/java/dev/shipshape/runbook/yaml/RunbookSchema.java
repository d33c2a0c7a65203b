package dev.shipshape.runbook.yaml;


import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the runbook format, for editors: point a YAML language server
 * at it to get completion, help texts and early errors while writing {@code shipshape.yaml}.
 * The loader stays the authority; the schema only catches what can be seen without context.
 */
public final class RunbookSchema {

    private static final String RESOURCE = "shipshape.schema.json";

    private RunbookSchema() {
    }

    /** The schema's JSON text, as shipped inside the jar. */
    public static String text() {
        try (InputStream in = RunbookSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ShipshapeException(Code.FAILED, "the runbook schema is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
