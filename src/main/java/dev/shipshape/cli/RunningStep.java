package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.runbook.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The step running now, as a heartbeat shows it while it gives no other sign: its elapsed time and
 * its last line of output (already redacted, as all step output is before the CLI sees it).
 */
final class RunningStep {

    static final String HEARTBEAT_VARIABLE = "SHIPSHAPE_HEARTBEAT";
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);
    /** A heartbeat line shows this much of the last output line at most. */
    static final int LINE_WIDTH = 160;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final String stepId;
    private final String name;
    private final long startedMillis;
    private String lastLine;

    RunningStep(String stepId, String name, long startedMillis) {
        this.stepId = stepId;
        this.name = name;
        this.startedMillis = startedMillis;
    }

    /** How often a log gets a heartbeat line: SHIPSHAPE_HEARTBEAT, default 30s. */
    static Duration heartbeat(Map<String, String> env) {
        String text = env.get(HEARTBEAT_VARIABLE);
        if (text == null) {
            return DEFAULT_HEARTBEAT;
        }
        return Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, HEARTBEAT_VARIABLE + "=" + text
                + " is not a duration; write it like 30s or 2m"));
    }

    /** Called for every line of output, so it only keeps it; it is cleaned up when shown. */
    void line(String line) {
        lastLine = line;
    }

    /** For a log: {@code   still running (2m10s): LAST LINE}. */
    String heartbeat(long nowMillis) {
        return "  still running (" + Elapsed.whole(nowMillis - startedMillis) + ")"
                + (lastLine == null || lastLine.isBlank() ? "" : ": " + cut(lastLine.strip(), LINE_WIDTH));
    }

    /** For a terminal: one line of at most {@code width} characters, rewritten in place. */
    String status(long nowMillis, int width) {
        // The name comes last: the line above names the step in full, and a narrow terminal cuts the end.
        String text = "  running " + stepId + " (" + Elapsed.whole(nowMillis - startedMillis) + ")"
                + (lastLine == null || lastLine.isBlank() ? "" : ": " + lastLine.strip())
                + (name == null || name.isBlank() ? "" : "  · " + name);
        return cut(text, Math.max(20, width - 1));
    }

    /** A control character (a colour code, a carriage return) would garble the line it is shown in. */
    private static String cut(String text, int width) {
        text = CONTROL.matcher(text).replaceAll("");
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
