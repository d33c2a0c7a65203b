package dev.shipshape.sample;

import java.time.Duration;

/**
 * The sample service's fault switches, changeable while it runs (from the admin endpoint or a
 * test): an error rate for the API endpoints, extra latency, a failing health check, a slow start.
 * The error rate is applied exactly rather than at random (every 5th request at 0.2), so tests and
 * benchmarks see the same figures each time.
 */
public final class Faults {

    private volatile double errorRate;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean unhealthy;
    private volatile Duration slowStart = Duration.ZERO;
    private double errorDebt;

    public Faults errorRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("error rate must be between 0 and 1, got " + rate);
        }
        this.errorRate = rate;
        return this;
    }

    public Faults latency(Duration extra) {
        this.latency = extra;
        return this;
    }

    public Faults unhealthy(boolean failing) {
        this.unhealthy = failing;
        return this;
    }

    public Faults slowStart(Duration startup) {
        this.slowStart = startup;
        return this;
    }

    public double errorRate() {
        return errorRate;
    }

    public Duration latency() {
        return latency;
    }

    public boolean unhealthy() {
        return unhealthy;
    }

    Duration slowStart() {
        return slowStart;
    }

    /** Whether this API request should fail: the share of failures so far follows the error rate. */
    synchronized boolean nextRequestFails() {
        errorDebt += errorRate;
        if (errorDebt >= 1) {
            errorDebt -= 1;
            return true;
        }
        return false;
    }

    /** The switches as the admin endpoint reports them. */
    String describe() {
        return "{\"error_rate\":" + errorRate + ",\"latency_ms\":" + latency.toMillis() + ",\"unhealthy\":" + unhealthy
                + ",\"slow_start_ms\":" + slowStart.toMillis() + "}";
    }
}
