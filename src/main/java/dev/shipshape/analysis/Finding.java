package dev.shipshape.analysis;

import dev.shipshape.runbook.Threshold;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A measured value that crossed a threshold. */
public record Finding(String metric, Level level, double value, Threshold threshold, Instant at) {

    /** How bad a crossing is. */
    public enum Level { WARNING, CRITICAL }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The condition a rollback rule matches: {@code error-rate critical}. */
    public String condition() {
        return metric + " " + level.name().toLowerCase(Locale.ROOT);
    }

    /** {@code error rate 0.12 > 0.10 (critical) at 12:03:05}; latencies keep the threshold's unit. */
    public String reason() {
        String written = threshold.text().replaceAll("^\\s*(>=|<=|>|<)\\s*", "");
        String shown = written.endsWith("ms") ? Threshold.format(value * 1000) + "ms"
                : written.endsWith("s") ? Threshold.format(value) + "s"
                : written.endsWith("%") ? Threshold.format(value * 100) + "%" : Threshold.format(value);
        return metric.replace('-', ' ') + " " + shown + " " + threshold.comparison().symbol() + " " + written
                + " (" + level.name().toLowerCase(Locale.ROOT) + ") at " + TIME.format(at);
    }
}
