package dev.shipshape.runbook.yaml;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parser failure into one readable problem: the parser's own words about what is
 * wrong and where, without exception class names or stack traces.
 */
final class YamlErrors {

    private static final String HINT = "check the indentation and quoting around this line";

    private YamlErrors() {
    }

    static void report(StreamReadException e, Problems problems) {
        MarkedYAMLException marked = markedCause(e);
        if (marked != null && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            problems.add(mark.getLine() + 1, mark.getColumn() + 1, "", message(marked), HINT);
            return;
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        problems.add(line, column, "", "the runbook is not valid YAML: " + firstLine(e.getOriginalMessage()), HINT);
    }

    private static String message(MarkedYAMLException marked) {
        String problem = marked.getProblem() == null ? "unexpected text" : marked.getProblem();
        return "the runbook is not valid YAML: " + problem;
    }

    private static MarkedYAMLException markedCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected text";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
