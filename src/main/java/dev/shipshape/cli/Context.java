package dev.shipshape.cli;

import dev.shipshape.app.Actor;
import dev.shipshape.app.Shipshape;
import dev.shipshape.engine.Engine;
import dev.shipshape.processes.Processes;
import dev.shipshape.store.Store;
import dev.shipshape.time.Sleeper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the CLI's commands get: their working directory, environment, output streams and terminal, and the
 * application ({@link Shipshape}, the composition root of the use cases) built over them. Built once per
 * invocation; tests build their own.
 */
final class Context {

    static final String STORE_DIR = Shipshape.STORE_DIR;

    final Path cwd;
    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    /** What {@code --password-stdin} reads. */
    final InputStream in;
    final Terminal terminal;
    final Clock clock;
    /** The use cases, wired once for this invocation. */
    final Shipshape app;
    /** How Shipshape waits (between attempts, for a killed process tree). */
    final Sleeper sleeper;
    /** Starts every program Shipshape runs: shell steps, PostgreSQL client programs, checklist commands. */
    final Processes processes;
    /** Sends every request Shipshape makes (built on the first). */
    final HttpClient http;
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
        this.app = new Shipshape(Shipshape.Settings.onThisHost(cwd, this.env, clock).withOperator(this::operator));
        this.sleeper = app.settings().sleeper();
        this.processes = app.settings().processes();
        this.http = app.settings().http();
    }

    /** Who is acting: SHIPSHAPE_USER, else the OS user. */
    String user() {
        return env.getOrDefault("SHIPSHAPE_USER", System.getProperty("user.name", "unknown"));
    }

    /** The person at this command line, as the use cases take them. */
    Actor actor() {
        return Actor.local(user());
    }

    /** The store URL from --store, SHIPSHAPE_STORE, or .shipshape/config.yaml; null = embedded default. */
    String storeUrl(String option) {
        return app.storeUrl(option);
    }

    Store openStore(String option) {
        return app.openStore(option);
    }

    /** Whether a store exists to read from (an embedded one is not created just to read it). */
    boolean storeExists(String option) {
        return app.storeExists(option);
    }

    /** An engine over an open store (see {@link Shipshape#engine}). */
    Engine engine(Store opened) {
        return app.engine(opened);
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
        return app.secretsFile(option);
    }
}
