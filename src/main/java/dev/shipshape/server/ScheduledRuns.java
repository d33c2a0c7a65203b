package dev.shipshape.server;

import dev.shipshape.app.Actor;
import dev.shipshape.app.RunWatch;
import dev.shipshape.app.Schedules;
import dev.shipshape.app.ServiceCatalog;
import dev.shipshape.store.Store;
import dev.shipshape.time.Sleeper;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the services' schedules when they are due, as {@code shipshape schedule run-due} does for cron: one looker
 * thread, every valid service in turn, each due time once (the store's claim keeps two servers from both running
 * it), each run audited as the scheduler's.
 */
final class ScheduledRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    /** Who the audit log and the runs name for what the server runs on its own. */
    static final String SCHEDULER = "scheduler";

    private final ServiceCatalog catalog;
    private final Store store;
    private final ServerAudit audit;
    private final Duration every;
    private final Sleeper sleeper;
    private final Thread looker;
    private volatile boolean stopped;

    private ScheduledRuns(ServiceCatalog catalog, Store store, ServerAudit audit, Duration every, Sleeper sleeper) {
        this.catalog = catalog;
        this.store = store;
        this.audit = audit;
        this.every = every;
        this.sleeper = sleeper;
        this.looker = Thread.ofPlatform().daemon().name("scheduled runs").unstarted(this::loop);
    }

    static ScheduledRuns start(ServiceCatalog catalog, Store store, ServerAudit audit, Duration every,
                               Sleeper sleeper) {
        ScheduledRuns runs = new ScheduledRuns(catalog, store, audit, every, sleeper);
        runs.looker.start();
        return runs;
    }

    private void loop() {
        while (!stopped) {
            for (ServiceCatalog.Service service : catalog.services()) {
                if (stopped) {
                    return;
                }
                if (service.valid()) {
                    runDue(service.name());
                }
            }
            sleeper.sleep(every, () -> stopped);
        }
    }

    private void runDue(String name) {
        try {
            ServiceCatalog.Deployable service = catalog.deployable(name);
            if (service.runbook().runbook().schedules().isEmpty()) {
                return;
            }
            List<Schedules.Handled> handled = service.root().schedules().runDue(new Schedules.RunDueRequest(
                    service.runbook(), null, null, Actor.server(SCHEDULER, "local"), () -> RunWatch.NONE), store);
            for (Schedules.Handled h : handled) {
                if (h instanceof Schedules.Handled.Ran ran) {
                    audit.record(SCHEDULER, "schedule run", "service=" + name + " schedule=" + ran.schedule().key()
                            + " run=" + ran.runId(), "local", ran.status().label());
                } else if (h instanceof Schedules.Handled.CouldNotStart failed) {
                    audit.record(SCHEDULER, "schedule run", "service=" + name + " schedule=" + failed.schedule().key(),
                            "local", "could not start: " + failed.why());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the schedules of {} could not be run: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped = true;
        looker.interrupt();
    }
}
