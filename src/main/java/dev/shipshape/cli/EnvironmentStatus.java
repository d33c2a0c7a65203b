package dev.shipshape.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.app.Environments;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunStore;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.windows.WindowGate;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.gates.Windows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What stands in one environment now: the version live there (since when, from which run, how), the
 * lock (which run and process hold it, and whether its lease is alive) and the deployment window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EnvironmentStatus(String environment, Live live, Lock lock, Window window) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Live(String version, Instant since, String runId, String how) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Lock(String runId, String holder, Instant acquiredAt, Instant expiresAt, boolean alive) {
    }

    /** @param open whether a deployment may start now; {@code nextOpensAt} when not (null: none within a year) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Window(boolean open, String reason, Instant nextOpensAt) {
    }

    /** @param runs null when there is no store yet: nothing is live and nothing is locked */
    static EnvironmentStatus of(String service, Environment env, RunStore runs, Instant now) {
        Optional<LiveVersion> live = runs == null ? Optional.empty() : runs.live(service, env.name());
        Optional<EnvLock> lock = runs == null ? Optional.empty() : runs.lock(service, env.name());
        return new EnvironmentStatus(env.name(),
                live.map(l -> new Live(l.version(), l.since(), l.runId(), l.how())).orElse(null),
                lock.map(l -> new Lock(l.runId(), l.holder(), l.acquiredAt(), l.expiresAt(), alive(l, now)))
                        .orElse(null),
                env.gates().windowsIfAny().map(w -> window(w, now)).orElse(new Window(true, "no deployment windows:"
                        + " any time", null)));
    }

    /** A lease is alive until it expires, unless its process on this host is gone. */
    static boolean alive(EnvLock lock, Instant now) {
        return Environments.alive(lock, now);
    }

    private static Window window(Windows windows, Instant now) {
        GateResult decided = WindowGate.decide(windows, now);
        return new Window(!decided.blocks() && decided.opensAtIfAny().isEmpty(), decided.reason(),
                decided.opensAtIfAny().orElse(null));
    }

    List<String> lines() {
        return List.of(environment + ":",
                "  live:    " + (live == null ? "nothing deployed yet" : live.version() + " since "
                        + RunText.TIME.format(live.since()) + " UTC (" + live.how() + (live.runId() == null ? ""
                        : ", run " + live.runId()) + ")"),
                "  lock:    " + (lock == null ? "free" : "held by run " + lock.runId() + " (" + lock.holder() + "), "
                        + (lock.alive() ? "lease alive until " : "lease expired at ")
                        + RunText.TIME.format(lock.expiresAt()) + " UTC"),
                "  window:  " + (window.open() ? "open now: " : "closed: ") + window.reason());
    }
}
