package dev.shipshape.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server tells Prometheus on {@code /metrics}: HTTP latency by route, runs by outcome, step durations,
 * live-event clients, and the JVM's own meters.
 */
public final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger eventClients = new AtomicInteger();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        registry.gauge("shipshape.sse.clients", eventClients);
    }

    /** One request answered by a route (its path template, not the path, so ids do not make new series). */
    void request(Route route, int status, long nanos) {
        Timer.builder("http.server.requests").tag("method", route.method().name()).tag("route", route.path())
                .tag("status", Integer.toString(status)).publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** A run the server executed ended. */
    public void runEnded(String kind, String status) {
        Counter.builder("shipshape.runs").tag("kind", kind).tag("outcome", status).register(registry).increment();
    }

    /** A step of a run the server executed ended after {@code duration}. */
    public void stepEnded(String kind, String status, Duration duration) {
        Timer.builder("shipshape.step.duration").tag("kind", kind).tag("outcome", status).register(registry)
                .record(duration);
    }

    /** The number of clients following live events now; the events stream moves it up and down. */
    public AtomicInteger eventClients() {
        return eventClients;
    }

    /** The Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
