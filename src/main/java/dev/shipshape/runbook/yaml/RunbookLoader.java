package dev.shipshape.runbook.yaml;

import dev.shipshape.runbook.InvalidRunbookException;
import dev.shipshape.runbook.Names;
import dev.shipshape.runbook.Runbook;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a runbook file and checks it, collecting every problem before giving up.
 * The one way to obtain a {@link Runbook}.
 */
public final class RunbookLoader {

    private final List<? extends StepSyntax> kinds;

    /** @param kinds how each kind of step is written ({@code StepKinds.all()}) */
    public RunbookLoader(List<? extends StepSyntax> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /**
     * Loads and validates a runbook file.
     *
     * @throws InvalidRunbookException with every problem found (file, line, column, path, hint), also when the
     *         file is over 1 MiB or not UTF-8
     * @throws dev.shipshape.ShipshapeException NOT_FOUND when the file does not exist or cannot be read
     */
    public Runbook load(Path file) {
        if (!Files.exists(file)) {
            throw new ShipshapeException(Code.NOT_FOUND,
                    "runbook not found: " + file + "; pass the runbook file, or run where shipshape.yaml is");
        }
        if (Files.isDirectory(file)) {
            throw new ShipshapeException(Code.NOT_FOUND,
                    "runbook " + file + " is a folder; pass the runbook file inside it, e.g. " + file.resolve("shipshape.yaml"));
        }
        return parse(file, read(file));
    }

    /** Same as {@link #load(Path)} for text already read; {@code file} is used in messages and to resolve paths. */
    public Runbook parse(Path file, String text) {
        Problems problems = new Problems(file.toString());
        Optional<Node> root = new NodeReader(problems).read(text);
        RunbookReader reader = new RunbookReader(problems, kinds, text);
        Runbook runbook = root.flatMap(r -> reader.read(r, file)).orElse(null);
        problems.throwIfAny();
        return reader.varsUsed() ? perEnvironment(runbook, root.orElseThrow(), file, text) : runbook;
    }

    /** Each environment's own reading, where durations or numbers come from variables (already checked for all). */
    private Runbook perEnvironment(Runbook runbook, Node root, Path file, String text) {
        java.util.Map<String, Runbook> readings = new java.util.LinkedHashMap<>();
        for (String environment : runbook.environments().keySet()) {
            Problems problems = new Problems(file.toString());
            new RunbookReader(problems, kinds, text, environment).read(root, file)
                    .ifPresent(r -> readings.put(environment, r));
            problems.throwIfAny();
        }
        return runbook.withEnvironmentReadings(readings);
    }

    /**
     * The service a runbook's text names ({@code service: shop} at its top) and where the name is written, read
     * even when the runbook does not validate: to list a broken runbook under its service. Empty when the text is
     * not YAML, has no top-level {@code service}, or names one that is not a valid service name.
     */
    public static Optional<NamedService> namedService(String text) {
        return new NodeReader(new Problems("")).read(text)
                .filter(Node.Mapping.class::isInstance).map(Node.Mapping.class::cast)
                .flatMap(root -> root.entry("service")).map(Node.Entry::value)
                .filter(value -> value instanceof Node.Scalar s && s.value() instanceof String name
                        && Names.isValid(name))
                .map(value -> new NamedService((String) ((Node.Scalar) value).value(), value.line(), value.column()));
    }

    /** A service name as a runbook writes it, with its 1-based line and column. */
    public record NamedService(String name, int line, int column) {
    }

    private static String read(Path file) {
        try {
            return RunbookText.read(file, file.toString(), RunbookText.DEFAULT_MAX_BYTES);
        } catch (IOException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "cannot read runbook " + file + ": " + describe(e)
                    + "; check that the file exists and you may read it", e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }
}
