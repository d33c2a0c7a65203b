package dev.shipshape.analysis.probe;

import dev.shipshape.analysis.MetricProvider;
import dev.shipshape.analysis.Sample;
import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.runbook.MetricCheck;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.net.URI;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import java.net.http.HttpRequest;
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
    private final Exchanges exchanges;
    private final Duration every;
    /** A request with no complete answer within this counts as failed. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<Result> pending = new ArrayList<>();
    private final Thread sender;
    private volatile boolean stopped;

    /** @param interval the analysis interval; requests go out ten times as often (0.1 s to 1 s apart) */
    public ProbeProvider(String url, Duration interval, Exchanges exchanges) {
        this.url = HttpUrl.of(url);
        this.exchanges = exchanges;
        long millis = Math.clamp(interval.toMillis() / 10, 100, 1000);
        this.every = Duration.ofMillis(millis);
        // The thread is named without the URL: it may carry a revealed secret.
        this.sender = Thread.ofVirtual().name("probe").start(this::send);
    }

    private void send() {
        while (!stopped) {
            long start = Ticks.SYSTEM.nanos();
            Exchange answer = exchanges.send(HttpRequest.newBuilder(url).GET().build(), Deadline.in(PATIENCE),
                    () -> stopped);
            if (answer instanceof Exchange.Cancelled) {
                return;
            }
            boolean failed = !(answer instanceof Exchange.Answered a) || a.status() >= 500;
            synchronized (pending) {
                pending.add(new Result(failed, (Ticks.SYSTEM.nanos() - start) / 1e9));
                pending.notifyAll();
            }
            long left = every.toNanos() - (Ticks.SYSTEM.nanos() - start);
            if (left > 0) {
                try {
                    Sleeper.SYSTEM.pause(Duration.ofNanos(left));
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
            awaitFirst(Deadline.in(limit));
            window = List.copyOf(pending);
            pending.clear();
        }
        return metrics.stream().map(m -> window.isEmpty()
                ? Sample.failed(m.name(), at, "no request to " + url + " finished since the last measurement")
                : Sample.of(m.name(), at, ProbeFigures.value(m.name(), window))).toList();
    }

    /** A request still in flight (the first one pays for connecting) may finish within the measurement's limit. */
    private void awaitFirst(Deadline deadline) {
        while (pending.isEmpty() && !deadline.passed() && !stopped) {
            try {
                pending.wait(Math.max(1, deadline.left().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        sender.interrupt();
    }
}
