package dev.shipshape.analysis;

import java.time.Instant;

/**
 * One measurement of one metric: a value, or the error that kept it from being measured
 * ({@code no series}, {@code connection refused}, {@code bad_data: parse error ...}).
 */
public record Sample(String metric, Instant at, Double value, String error) {

    public static Sample of(String metric, Instant at, double value) {
        return new Sample(metric, at, value, null);
    }

    public static Sample failed(String metric, Instant at, String error) {
        return new Sample(metric, at, null, error);
    }

    public boolean measured() {
        return value != null;
    }
}
