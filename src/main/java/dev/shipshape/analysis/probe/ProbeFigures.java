package dev.shipshape.analysis.probe;

import java.util.List;

/** Error rate and latency percentiles of a window of probe requests. */
final class ProbeFigures {

    private ProbeFigures() {
    }

    static double value(String metric, List<ProbeProvider.Result> window) {
        return switch (metric) {
            case "error-rate" -> window.stream().filter(ProbeProvider.Result::failed).count() / (double) window.size();
            case "p50-latency" -> percentile(window, 0.50);
            case "p95-latency" -> percentile(window, 0.95);
            case "p99-latency" -> percentile(window, 0.99);
            default -> throw new IllegalArgumentException("the probe provider has no metric " + metric);
        };
    }

    /** Nearest-rank percentile, in seconds. */
    static double percentile(List<ProbeProvider.Result> window, double q) {
        double[] sorted = window.stream().mapToDouble(ProbeProvider.Result::seconds).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
