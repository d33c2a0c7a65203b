package dev.shipshape.cli;

/** Durations for people: {@code 340ms}, {@code 1.2s}, {@code 2m05s}, {@code 1h02m}. */
final class Elapsed {

    private Elapsed() {
    }

    /** To the second, for time still going on: {@code 0s}, {@code 42s}, {@code 2m10s}, {@code 1h02m}. */
    static String whole(long millis) {
        return millis < 60_000 ? millis / 1000 + "s" : format(millis);
    }

    static String format(Long millis) {
        if (millis == null) {
            return "";
        }
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
