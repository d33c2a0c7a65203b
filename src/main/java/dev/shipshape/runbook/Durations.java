package dev.shipshape.runbook;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as runbooks write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

    private Durations() {
    }

    /** The duration, or empty when the text is not one. */
    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text.trim());
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return Optional.of(total);
    }

    /** The shortest runbook spelling of a duration: {@code 90s} → {@code 1m30s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int ms = d.toMillisPart();
        if (h > 0) out.append(h).append('h');
        if (m > 0) out.append(m).append('m');
        if (s > 0) out.append(s).append('s');
        if (ms > 0) out.append(ms).append("ms");
        return out.toString();
    }
}
