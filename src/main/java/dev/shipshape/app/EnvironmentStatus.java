package dev.shipshape.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunStore;
import dev.shipshape.gates.GateResult;
import dev.shipshape.gates.windows.WindowGate;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.gates.Windows;
import java.time.Instant;
import java.util.Optional;

/**
 * What stands in one environment now: the version live there (since when, from which run, how), the
 * lock (which run and process hold it, and whether its lease is alive) and the deployment window.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentStatus(String environment, Live live, Lock lock, Window window) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Live(String version, Instant since, String runId, String how) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lock(String runId, String holder, Instant acquiredAt, Instant expiresAt, boolean alive) {
    }

    /** @param open whether a deployment may start now; {@code nextOpensAt} when not (null: none within a year) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(boolean open, String reason, Instant nextOpensAt) {
    }

    /** @param runs null when there is no store yet: nothing is live and nothing is locked */
    static EnvironmentStatus of(String service, Environment env, RunStore runs, Instant now) {
        Optional<LiveVersion> live = runs == null ? Optional.empty() : runs.live(service, env.name());
        Optional<EnvLock> lock = runs == null ? Optional.empty() : runs.lock(service, env.name());
        return new EnvironmentStatus(env.name(),
                live.map(l -> new Live(l.version(), l.since(), l.runId(), l.how())).orElse(null),
                lock.map(l -> new Lock(l.runId(), l.holder(), l.acquiredAt(), l.expiresAt(), Environments.alive(l, now)))
                        .orElse(null),
                env.gates().windowsIfAny().map(w -> window(w, now)).orElse(new Window(true, "no deployment windows:"
                        + " any time", null)));
    }

    private static Window window(Windows windows, Instant now) {
        GateResult decided = WindowGate.decide(windows, now);
        return new Window(!decided.blocks() && decided.opensAtIfAny().isEmpty(), decided.reason(),
                decided.opensAtIfAny().orElse(null));
    }
}
