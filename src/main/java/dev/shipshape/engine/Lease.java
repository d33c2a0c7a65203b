package dev.shipshape.engine;

import dev.shipshape.ShipshapeException;
import dev.shipshape.time.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The environment lock of one run, held as a lease: taken at the start, renewed in the background
 * while the run goes on, released at the end. If this process dies the lease simply runs out.
 */
final class Lease implements AutoCloseable {

    private final RunStore store;
    private final EngineSettings settings;
    private final String service;
    private final String environment;
    private final String runId;
    private volatile boolean lost;
    private volatile boolean released;
    private Thread renewer;

    private Lease(RunStore store, EngineSettings settings, String service, String environment, String runId) {
        this.store = store;
        this.settings = settings;
        this.service = service;
        this.environment = environment;
        this.runId = runId;
    }

    /** Takes the lock or explains, in one line, who holds it and what to do. */
    static Lease take(RunStore store, EngineSettings settings, String service, String environment, String runId) {
        Lease lease = new Lease(store, settings, service, environment, runId);
        lease.acquire();
        return lease;
    }

    private void acquire() {
        Instant now = settings.clock().instant();
        store.lock(service, environment).filter(this::heldByAnotherLiveResume).ifPresent(l -> {
            throw locked(l, now);
        });
        Optional<EnvLock> blocker = store.tryLock(service, environment, runId, settings.holder(), now,
                now.plus(settings.lease()));
        if (blocker.isPresent()) {
            throw locked(blocker.get(), now);
        }
    }

    /** The same run resumed from another process that is still alive and renewing. */
    private boolean heldByAnotherLiveResume(EnvLock lock) {
        return lock.runId().equals(runId) && !lock.holder().equals(settings.holder())
                && !lock.expiredAt(settings.clock().instant()) && !ProcessIdentity.isDeadLocalProcess(lock.holder());
    }

    private ShipshapeException locked(EnvLock lock, Instant now) {
        long seconds = Math.max(0, Duration.between(now, lock.expiresAt()).toSeconds());
        String state = ProcessIdentity.isDeadLocalProcess(lock.holder()) ? "which is no longer running" : "";
        return new ShipshapeException(ShipshapeException.Code.LOCKED, environment + " of " + service
                + " is locked by run " + lock.runId() + " (" + lock.holder() + (state.isEmpty() ? "" : ", " + state)
                + "; lease ends in " + seconds + "s); wait for it, resume " + lock.runId()
                + ", or run: shipshape unlock --env " + environment + " --reason \"...\"");
    }

    /** Starts renewing every third of the lease; {@link #lost()} turns true if the lock was taken away. */
    void keepAlive() {
        long every = Math.max(50, settings.lease().toMillis() / 3);
        renewer = Thread.ofVirtual().name("lease-" + runId).start(() -> {
            while (!Thread.currentThread().isInterrupted() && !lost) {
                try {
                    Sleeper.SYSTEM.pause(Duration.ofMillis(every));
                    Instant now = settings.clock().instant();
                    lost = !store.renewLock(service, environment, runId, now.plus(settings.lease()));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // A store hiccup: the next renewal tries again; the lease is long enough to bridge it.
                }
            }
        });
    }

    boolean lost() {
        return lost && !released;
    }

    /** Lets the lock go while the run goes on (live, monitoring): another run may take the environment. */
    void release() {
        released = true;
        if (renewer != null) {
            renewer.interrupt();
        }
        store.unlock(service, environment, runId);
    }

    /** Takes the lock again after {@link #release()}; empty when taken, else why not (who holds it). */
    Optional<String> retake() {
        try {
            acquire();
        } catch (ShipshapeException e) {
            return Optional.of(e.getMessage());
        }
        lost = false;
        released = false;
        keepAlive();
        return Optional.empty();
    }

    @Override
    public void close() {
        if (renewer != null) {
            renewer.interrupt();
        }
        if (!released) {
            store.unlock(service, environment, runId);
        }
    }
}
