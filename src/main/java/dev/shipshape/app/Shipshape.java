package dev.shipshape.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shipshape.ShipshapeException;
import dev.shipshape.downtime.DowntimeProbe;
import dev.shipshape.engine.Engine;
import dev.shipshape.confirmations.OperatorPrompt;
import dev.shipshape.engine.EngineSettings;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.engine.RunListener;
import dev.shipshape.engine.Secrets;
import dev.shipshape.http.SharedClient;
import dev.shipshape.plan.Plan;
import dev.shipshape.processes.LocalProcesses;
import dev.shipshape.processes.Processes;
import dev.shipshape.secrets.SecretResolver;
import dev.shipshape.steps.StepExecutors;
import dev.shipshape.steps.kit.StepServices;
import dev.shipshape.store.Store;
import dev.shipshape.time.Sleeper;
import dev.shipshape.time.Ticks;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The composition root of the use cases: it wires the store, the clock, the sleeper, the processes, the HTTP
 * client and the engine once, for the CLI and for a server alike, and hands out the use-case areas over an
 * open store.
 */
public final class Shipshape {

    /** The folder, under the home, of the embedded store, the default secrets file and the rollback records. */
    public static final String STORE_DIR = ".shipshape";
    /** How often a waiting approval step looks for new decisions. */
    private static final Duration APPROVAL_POLL = Duration.ofMillis(250);

    /**
     * What the use cases are built from.
     *
     * @param home      the project folder: relative paths, the embedded store and {@code .shipshape/} are in it
     * @param env       the environment variables steps, secrets and settings are read from
     * @param listeners watch every run (a server's event stream, notifications); the CLI's progress is per run
     * @param operator  the person at the terminal that runs the engine, asked by confirm steps (none on a server)
     */
    public record Settings(Path home, Map<String, String> env, Clock clock, Sleeper sleeper, Processes processes,
                           HttpClient http, List<RunListener> listeners, Supplier<OperatorPrompt> operator) {

        public Settings {
            env = Map.copyOf(env);
            listeners = List.copyOf(listeners);
        }

        /** This host's processes, the system sleeper and the shared HTTP client configuration; no standing listeners. */
        public static Settings onThisHost(Path home, Map<String, String> env, Clock clock) {
            return new Settings(home, env, clock, Sleeper.SYSTEM, LocalProcesses.onThisHost(Sleeper.SYSTEM),
                    SharedClient.configured(), List.of(), () -> OperatorPrompt.NONE);
        }

        /** The same settings over another project folder. */
        public Settings at(Path folder) {
            return new Settings(folder, env, clock, sleeper, processes, http, listeners, operator);
        }

        /** The same settings with one more standing listener, told about every run. */
        public Settings withListener(RunListener listener) {
            List<RunListener> more = new java.util.ArrayList<>(listeners);
            more.add(listener);
            return new Settings(home, env, clock, sleeper, processes, http, more, operator);
        }

        /** The same settings with confirm steps asking this person too. */
        public Settings withOperator(Supplier<OperatorPrompt> asked) {
            return new Settings(home, env, clock, sleeper, processes, http, listeners, asked);
        }
    }

    private final Settings settings;
    private final Runbooks runbooks;
    /** The folder whose {@code .shipshape/} holds the store's settings and the embedded store: the home's own, or
     *  (for a root of a service folder) the one of the root it was made from. */
    private final Path storeHome;

    public Shipshape(Settings settings) {
        this(settings, settings.home());
    }

    private Shipshape(Settings settings, Path storeHome) {
        this.settings = settings;
        this.runbooks = new Runbooks(settings.home(), settings.env());
        this.storeHome = storeHome;
    }

    /**
     * A root over a service's folder, as if the CLI ran there: runbooks, relative paths, the secrets file and the
     * rollback records are that folder's, while the store stays this root's (its URL, or its embedded store), so
     * that a server with many services keeps one store.
     */
    public Shipshape forFolder(Path folder) {
        return new Shipshape(settings.at(settings.home().resolve(folder).normalize()), storeHome);
    }

    /**
     * The services whose runbooks are in {@code folder} (relative to the home): {@code *.yaml} and
     * {@code *}{@code /shipshape.yaml}; each is deployed from its own folder over this root's store.
     *
     * @throws ShipshapeException NOT_FOUND when the folder does not exist
     */
    public ServiceCatalog serviceCatalog(Path folder) {
        Path resolved = settings.home().resolve(folder).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved)) {
            throw new ShipshapeException(ShipshapeException.Code.NOT_FOUND, "runbooks folder " + resolved
                    + " is not a folder; pass the folder that holds the services' runbooks (its *.yaml files and"
                    + " */shipshape.yaml)");
        }
        return new ServiceCatalog(this, resolved);
    }

    /** This root with one more standing listener told about every run it executes (a server's live events). */
    public Shipshape listenedBy(RunListener listener) {
        return new Shipshape(settings.withListener(listener), storeHome);
    }

    public Settings settings() {
        return settings;
    }

    /** Reads runbooks, naming files relative to the home. */
    public Runbooks runbooks() {
        return runbooks;
    }

    /** The store URL: the one given, else SHIPSHAPE_STORE, else {@code .shipshape/config.yaml}; null = embedded. */
    public String storeUrl(String given) {
        if (given != null) {
            return given;
        }
        if (settings.env().containsKey("SHIPSHAPE_STORE")) {
            return settings.env().get("SHIPSHAPE_STORE");
        }
        JsonNode store = config("store");
        return store.isTextual() ? store.asText() : null;
    }

    /** The settings file beside the embedded store: {@code .shipshape/config.yaml} (it may be absent). */
    public Path configFile() {
        return storeHome.resolve(STORE_DIR).resolve("config.yaml");
    }

    /**
     * A top-level section of {@link #configFile()} ({@code store}, {@code server}); a missing node when the file or
     * the section is absent.
     */
    public JsonNode config(String section) {
        Path config = configFile();
        if (!Files.exists(config)) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
            return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root.path(section);
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "cannot read " + config + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Opens the store at {@link #storeUrl(String)}, stamped by the root's clock. */
    public Store openStore(String given) {
        return Store.open(storeUrl(given), storeHome, settings.env(), settings.clock());
    }

    /** The store at {@link #storeUrl(String)}, opened for each call and closed after it. */
    public StoreAccess store(String given) {
        Shipshape root = this;
        return new StoreAccess() {
            @Override
            public <T> Optional<T> readIfExists(Function<Store, T> read) {
                if (!root.storeExists(given)) {
                    return Optional.empty();
                }
                return Optional.ofNullable(use(read));
            }

            @Override
            public <T> T use(Function<Store, T> work) {
                try (Store opened = root.openStore(given)) {
                    return work.apply(opened);
                }
            }
        };
    }

    /** Whether a store exists to read from (an embedded one is not created just to read it). */
    public boolean storeExists(String given) {
        return storeUrl(given) != null || Files.isDirectory(storeHome.resolve(STORE_DIR));
    }

    /**
     * An engine over an open store: its steps record verification samples, approvals, backups and database
     * actions there, stages get their zero-downtime probes, and every run is told to the standing listeners.
     */
    public Engine engine(Store opened) {
        EngineSettings defaults = EngineSettings.defaults();
        StepExecutors executors = new StepExecutors(new StepServices(settings.http(), OutputTail.DEFAULT_LIMIT,
                opened.verification(), settings.clock(), opened.gates(), APPROVAL_POLL, opened.postgres(),
                settings.env(), settings.processes(), opened.confirmations(), settings.operator().get()));
        return new Engine(opened.runs(), executors, new EngineSettings(settings.clock(), defaults.holder(),
                defaults.lease(), defaults.cancelPoll()), new DowntimeProbe(settings.http(), opened.verification()),
                settings.sleeper(), settings.listeners());
    }

    /**
     * The secrets file: {@code .shipshape/secrets} by default (it may be absent); one that is named must exist.
     *
     * @param named the file asked for (relative to the home), or null for the default
     */
    public Path secretsFile(Path named) {
        if (named == null) {
            return settings.home().resolve(STORE_DIR).resolve("secrets");
        }
        Path file = settings.home().resolve(named);
        if (!Files.isRegularFile(file)) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT,
                    "secrets file " + named + " does not exist; check the path given to --secrets");
        }
        return file;
    }

    /** Deploy, resume, roll back, cancel, unlock: over an open store. */
    public Deployments deployments(Store opened) {
        return new Deployments(this, opened);
    }

    /** The runbook's schedules: list them with their next times, run what is due. */
    public Schedules schedules() {
        return new Schedules(this);
    }

    /** Approve or reject the approval step a run waits at: over an open store. */
    public ApprovalDesk approvals(Store opened) {
        return new ApprovalDesk(this, opened);
    }

    /** Confirm the confirm step a run waits at: over an open store. */
    public ConfirmationDesk confirmations(Store opened) {
        return new ConfirmationDesk(this, opened);
    }

    /** Run an environment's checklist, sign off its manual items. */
    public Checklists checklists(StoreAccess store) {
        return new Checklists(this, store);
    }

    /** Plan a deployment or a procedure, validate a runbook. */
    public Plans plans(StoreAccess store) {
        return new Plans(this, store);
    }

    /** What stands in each environment: live version, lock, window. */
    public Environments environments(StoreAccess store) {
        return new Environments(this, store);
    }

    /** The recorded runs. */
    public Runs runs(StoreAccess store) {
        return new Runs(store);
    }

    /** What a run's verification saw: samples against thresholds, results, probes. */
    public Analyses analyses(StoreAccess store) {
        return new Analyses(store);
    }

    /** The store's events as a server's event stream sends them: in order, none lost, none twice. */
    public EventFeed events(StoreAccess store) {
        return new EventFeed(EventSource.of(store), Ticks.SYSTEM, EventFeed.GRACE, EventFeed.BATCH);
    }

    /** An environment's database as the database use cases work on it. */
    public Databases databases() {
        return new Databases(this);
    }

    /** List, take and restore an environment's database backups. */
    public DatabaseBackups backups(StoreAccess store) {
        return new DatabaseBackups(this, store);
    }

    /** Add, list and disable the server's users. */
    public People people(StoreAccess store) {
        return new People(this, store);
    }

    /** Create, list and revoke API tokens. */
    public ApiTokens apiTokens(StoreAccess store) {
        return new ApiTokens(this, store);
    }

    /** The audit log's entries and its chain check. */
    public AuditTrail auditTrail(StoreAccess store) {
        return new AuditTrail(this, store);
    }

    /** The migration safety lint, static or traced. */
    public Lints lints() {
        return new Lints(this);
    }

    /** Looks secret values up in the environment and the secrets file. */
    public SecretResolver secrets(Path named) {
        return new SecretResolver(settings.env(), secretsFile(named));
    }

    /** The values of every secret the plan uses; fails before anything runs when one is missing. */
    public Secrets secretsFor(Plan plan, Path named) {
        return secrets(named).forPlan(plan);
    }
}
