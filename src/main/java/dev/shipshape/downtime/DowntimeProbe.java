package dev.shipshape.downtime;

import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.engine.Secrets;
import dev.shipshape.engine.StageWatch;
import dev.shipshape.http.Deadline;
import dev.shipshape.http.Exchange;
import dev.shipshape.http.Exchanges;
import dev.shipshape.plan.PlannedStage;
import dev.shipshape.runbook.HttpUrl;
import dev.shipshape.runbook.StageProbe;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The zero-downtime probe: while a stage with {@code probe:} runs, requests its URL every interval on
 * a background thread, then reports requests, failures and the longest outage, stores the report and
 * fails the stage when the probe's limits were crossed.
 */
public final class DowntimeProbe implements StageWatch {

    private final Exchanges exchanges;
    private final VerificationLog log;

    public DowntimeProbe(HttpClient client, VerificationLog log) {
        this.exchanges = new Exchanges(client);
        this.log = log;
    }

    @Override
    public Watching start(String runId, PlannedStage stage, Secrets secrets) {
        StageProbe probe = stage.probe();
        if (probe == null) {
            return Optional::empty;
        }
        Outages outages = new Outages();
        Thread sender = Thread.ofVirtual().name("zero-downtime probe " + stage.name())
                .start(() -> send(probe, secrets.reveal(probe.url()), outages));
        return () -> {
            sender.interrupt();
            try {
                sender.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProbeReport report = outages.report(runId, stage.name(), probe, Ticks.SYSTEM.nanos());
            log.probe(report);
            return report.passed() ? Optional.empty() : Optional.of(report.reason());
        };
    }

    /** One request, over within {@code timeout}; an interrupt (the stage ended) cancels it. */
    private Exchange send(String url, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(HttpUrl.of(url)).GET().build();
        } catch (IllegalArgumentException e) {
            return new Exchange.Failed(e.getMessage(), e.getMessage(), false);
        }
        return exchanges.send(request, Deadline.in(timeout), () -> Thread.currentThread().isInterrupted());
    }

    private void send(StageProbe probe, String url, Outages outages) {
        Duration timeout = probe.interval().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : probe.interval();
        while (!Thread.currentThread().isInterrupted()) {
            long started = Ticks.SYSTEM.nanos();
            Exchange answer = send(url, timeout);
            if (answer instanceof Exchange.Cancelled) {
                return;
            }
            boolean ok = answer instanceof Exchange.Answered a && a.status() < 500;
            outages.record(started, ok);
            long left = probe.interval().toNanos() - (Ticks.SYSTEM.nanos() - started);
            if (left > 0) {
                try {
                    Sleeper.SYSTEM.pause(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
