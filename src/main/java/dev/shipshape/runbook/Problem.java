package dev.shipshape.runbook;

/**
 * One thing wrong with a runbook, with where it is and what to do about it.
 *
 * @param file    the runbook file as given by the user
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param path    YAML path such as {@code stages[1].steps[0].timeout}; empty for the document
 * @param message what is wrong and what was expected
 * @param hint    what to do next ("did you mean 'rollback'?"), or null
 */
public record Problem(String file, int line, int column, String path, String message, String hint) {

    /** {@code shipshape.yaml:12:7: stages[1].timeout: 5 minutes is not a duration (expected ...); hint} */
    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        out.append(message);
        if (hint != null) {
            out.append(" (").append(hint).append(')');
        }
        return out.toString();
    }
}
