package dev.shipshape.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.Engine;
import dev.shipshape.engine.EngineSettings;
import dev.shipshape.time.Sleeper;
import dev.shipshape.http.SharedClient;
import dev.shipshape.processes.LocalProcesses;
import java.net.http.HttpClient;
import dev.shipshape.processes.Processes;
import dev.shipshape.engine.RunStore;
import dev.shipshape.downtime.DowntimeProbe;
import dev.shipshape.engine.OutputTail;
import dev.shipshape.steps.StepExecutors;
import dev.shipshape.steps.kit.StepServices;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Tokens;
import java.security.SecureRandom;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: where the CLI's commands get their working directory, environment,
 * output streams, store and engine. Built once per invocation; tests build their own.
 */
final class Context {

    static final String STORE_DIR = ".shipshape";
    /** How often a waiting approval step looks for new decisions. */
    private static final java.time.Duration APPROVAL_POLL = java.time.Duration.ofMillis(250);

    final Path cwd;
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    /** What {@code --password-stdin} reads. */
    final InputStream in;
    final Terminal terminal;
    final Clock clock;
    /** How Shipshape waits (between attempts, for a killed process tree). */
    final Sleeper sleeper = Sleeper.SYSTEM;
    /** Starts every program Shipshape runs: shell steps, PostgreSQL client programs, checklist commands. */
    final Processes processes = LocalProcesses.onThisHost(sleeper);
    /** Sends every request Shipshape makes (built on the first). */
    final HttpClient http = SharedClient.configured();
    private dev.shipshape.confirmations.OperatorPrompt operator;

    Context(Path cwd, Map<String, String> env, PrintWriter out, PrintWriter err, Terminal terminal, Clock clock) {
        this(cwd, env, System.in, out, err, terminal, clock);
    }

    Context(Path cwd, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Terminal terminal,
            Clock clock) {
        this.cwd = cwd;
        this.env = Map.copyOf(env);
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Who is acting: SHIPSHAPE_USER, else the OS user. */
    String user() {
        return env.getOrDefault("SHIPSHAPE_USER", System.getProperty("user.name", "unknown"));
    }

    /** The store URL from --store, SHIPSHAPE_STORE, or .shipshape/config.yaml; null = embedded default. */
    String storeUrl(String option) {
        if (option != null) {
            return option;
        }
        if (env.containsKey("SHIPSHAPE_STORE")) {
            return env.get("SHIPSHAPE_STORE");
        }
        Path config = cwd.resolve(STORE_DIR).resolve("config.yaml");
        if (!Files.exists(config)) {
            return null;
        }
        try {
            JsonNode store = new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).path("store");
            return store.isTextual() ? store.asText() : null;
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.INVALID_INPUT, "cannot read " + config + ": "
                    + e.getMessage());
        }
    }

    Store openStore(String option) {
        return Store.open(storeUrl(option), cwd, env, clock);
    }

    /** Tokens over an open store: values from a {@code SecureRandom}, times from the clock. */
    Tokens tokens(Store opened) {
        return new Tokens(opened.tokens(), opened.users(), clock, new SecureRandom());
    }

    /** Whether a store exists to read from (an embedded one is not created just to read it). */
    boolean storeExists(String option) {
        return storeUrl(option) != null || Files.isDirectory(cwd.resolve(STORE_DIR));
    }

    /**
     * An engine over an open store: its steps record verification samples, approvals, backups and
     * database actions there, and stages get their zero-downtime probes.
     */
    Engine engine(Store opened) {
        EngineSettings defaults = EngineSettings.defaults();
        StepExecutors executors = new StepExecutors(new StepServices(http, OutputTail.DEFAULT_LIMIT,
                opened.verification(), clock, opened.gates(), APPROVAL_POLL, opened.postgres(), env, processes,
                opened.confirmations(), operator()));
        return new Engine(opened.runs(), executors, new EngineSettings(clock, defaults.holder(), defaults.lease(),
                defaults.cancelPoll()), new DowntimeProbe(http, opened.verification()), sleeper);
    }

    /** The person at this terminal, asked by confirm steps; made once, as it reads the terminal's input. */
    private dev.shipshape.confirmations.OperatorPrompt operator() {
        if (operator == null) {
            operator = TerminalOperator.of(this);
        }
        return operator;
    }

    /** The default file may be absent; a file named with {@code --secrets} must exist. */
    Path secretsFile(Path option) {
        if (option == null) {
            return cwd.resolve(STORE_DIR).resolve("secrets");
        }
        Path file = cwd.resolve(option);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new dev.shipshape.ShipshapeException(dev.shipshape.ShipshapeException.Code.INVALID_INPUT,
                    "secrets file " + option + " does not exist; check the path given to --secrets");
        }
        return file;
    }
}
