package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.EnvLock;
import dev.shipshape.engine.ProcessIdentity;
import dev.shipshape.runbook.Environment;
import dev.shipshape.runbook.Runbook;
import java.time.Instant;
import java.util.List;

/** What stands in the environments of a runbook: live versions, locks, windows. */
public final class Environments {

    /** @param environment only this one, or null for every environment of the runbook */
    public record StatusRequest(Runbook runbook, String environment) {
    }

    /** Each environment's status as of one moment. */
    public record Statuses(String service, Instant at, List<EnvironmentStatus> environments) {
    }

    /** An environment's lock, with the service it belongs to. */
    public record HeldLock(String service, String environment, String runId, String holder, Instant acquiredAt,
                           Instant expiresAt, boolean alive) {
    }

    private final Shipshape app;
    private final StoreAccess store;

    Environments(Shipshape app, StoreAccess store) {
        this.app = app;
        this.store = store;
    }

    /** A lease is alive until it expires, unless its process on this host is gone. */
    public static boolean alive(EnvLock lock, Instant now) {
        return !lock.expiredAt(now) && !ProcessIdentity.isDeadLocalProcess(lock.holder());
    }

    /**
     * Per environment: the version live there, the lock and the window; without a store nothing is live or locked.
     *
     * @throws ShipshapeException INVALID_INPUT for an environment the runbook lacks
     */
    public Statuses status(StatusRequest request) {
        Runbook rb = request.runbook();
        List<Environment> chosen = chosen(rb, request.environment());
        Instant now = app.settings().clock().instant();
        List<EnvironmentStatus> statuses = store.readIfExists(s -> chosen.stream()
                        .map(e -> EnvironmentStatus.of(rb.service(), e, s.runs(), now)).toList())
                .orElseGet(() -> chosen.stream().map(e -> EnvironmentStatus.of(rb.service(), e, null, now)).toList());
        return new Statuses(rb.service(), now, statuses);
    }

    /** The locks held now in the environments of these runbooks, in their order; none without a store. */
    public List<HeldLock> locks(List<Runbook> runbooks) {
        Instant now = app.settings().clock().instant();
        return store.readIfExists(s -> runbooks.stream().flatMap(rb -> rb.environments().keySet().stream()
                .flatMap(env -> s.runs().lock(rb.service(), env).stream())
                .map(l -> new HeldLock(rb.service(), l.environment(), l.runId(), l.holder(), l.acquiredAt(),
                        l.expiresAt(), alive(l, now)))).toList()).orElse(List.of());
    }

    private static List<Environment> chosen(Runbook rb, String environment) {
        if (environment == null) {
            return List.copyOf(rb.environments().values());
        }
        return List.of(rb.environment(environment).orElseThrow(() -> new ShipshapeException(
                ShipshapeException.Code.INVALID_INPUT, "environment '" + environment + "' is not defined in "
                + rb.source() + "; defined: " + String.join(", ", rb.environments().keySet()))));
    }
}
