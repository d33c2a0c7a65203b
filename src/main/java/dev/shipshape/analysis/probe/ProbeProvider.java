package dev.shipshape.analysis.probe;

import dev.shipshape.analysis.MetricProvider;
import dev.shipshape.analysis.Sample;
import dev.shipshape.runbook.MetricCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For teams without Prometheus: requests the URL in the background, several times per interval,
 * and computes error rate (failures, 5xx and no answer, over requests) and latency percentiles
 * from its own requests since the last measurement.
 */
public final class ProbeProvider implements MetricProvider {

    /** One request's outcome. */
    record Result(boolean failed, double seconds) {
    }

    private final URI url;
    private final HttpClient client;
    private final Duration every;
    private final List<Result> pending = new ArrayList<>();
    private final Thread sender;
    private volatile boolean stopped;

    /** @param interval the analysis interval; requests go out ten times as often (0.1 s to 1 s apart) */
    public ProbeProvider(String url, Duration interval, HttpClient client) {
        this.url = URI.create(url);
        this.client = client;
        long millis = Math.clamp(interval.toMillis() / 10, 100, 1000);
        this.every = Duration.ofMillis(millis);
        // The thread is named without the URL: it may carry a revealed secret.
        this.sender = Thread.ofVirtual().name("probe").start(this::send);
    }

    private void send() {
        while (!stopped) {
            long start = System.nanoTime();
            boolean failed;
            try {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
                failed = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() >= 500;
            } catch (java.io.IOException | IllegalArgumentException e) {
                failed = true;
            } catch (InterruptedException e) {
                return;
            }
            synchronized (pending) {
                pending.add(new Result(failed, (System.nanoTime() - start) / 1e9));
            }
            long left = every.toNanos() - (System.nanoTime() - start);
            if (left > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public List<Sample> measure(List<MetricCheck> metrics, Instant at, Duration limit) {
        List<Result> window;
        synchronized (pending) {
            window = List.copyOf(pending);
            pending.clear();
        }
        return metrics.stream().map(m -> window.isEmpty()
                ? Sample.failed(m.name(), at, "no request to " + url + " finished since the last measurement")
                : Sample.of(m.name(), at, ProbeFigures.value(m.name(), window))).toList();
    }

    @Override
    public void close() {
        stopped = true;
        sender.interrupt();
    }
}
