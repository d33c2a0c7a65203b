package dev.shipshape.sample;

import java.time.Duration;

/**
 * The sample service's fault switches, changeable while it runs (from the admin endpoint or a
 * test): an error rate for the API endpoints, extra latency, a failing health check, a slow start,
 * and the live release (one release may be marked as failing).
 * The error rate is applied exactly rather than at random (every 5th request at 0.2), so tests and
 * benchmarks see the same figures each time.
 */
public final class Faults {

    private volatile double errorRate;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean unhealthy;
    private volatile Duration slowStart = Duration.ZERO;
    private volatile String release;
    private volatile String failingRelease;
    private double errorDebt;

    /** Half of the API requests fail while this release is live: a bad release to roll back. */
    static final double FAILING_RELEASE_ERROR_RATE = 0.5;

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

    /** Marks the release now live (what a deployment does); {@code /health} reports it. */
    public Faults release(String version) {
        this.release = version;
        return this;
    }

    /** A release that, once live, fails half of the API requests. */
    public Faults failingRelease(String version) {
        this.failingRelease = version;
        return this;
    }

    /** The live release, or null when none was set since start. */
    public String release() {
        return release;
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
        boolean bad = release != null && release.equals(failingRelease);
        errorDebt += bad ? Math.max(errorRate, FAILING_RELEASE_ERROR_RATE) : errorRate;
        if (errorDebt >= 1) {
            errorDebt -= 1;
            return true;
        }
        return false;
    }

    /** The switches as the admin endpoint reports them. */
    String describe() {
        return "{\"error_rate\":" + errorRate + ",\"latency_ms\":" + latency.toMillis() + ",\"unhealthy\":" + unhealthy
                + ",\"slow_start_ms\":" + slowStart.toMillis() + (release == null ? "" : ",\"release\":\"" + release + "\"")
                + "}";
    }
}
