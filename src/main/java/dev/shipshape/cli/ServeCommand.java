package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.server.ServerSettings;
import dev.shipshape.server.ShipshapeServer;
import dev.shipshape.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shipshape serve}: the team server, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Serve the REST API and live events for the services' runbooks in a folder.",
        "Settings: the options, else SHIPSHAPE_BIND, SHIPSHAPE_PORT, SHIPSHAPE_RUNBOOKS, else the server: section"
                + " of .shipshape/config.yaml (bind, port, runbooks, public_metrics, access_log); it listens on"
                + " 127.0.0.1 unless told otherwise. Every route but /health (and /metrics with --public-metrics) needs a"
                + " token or a signed-in session."})
final class ServeCommand implements Callable<Integer> {

    private final Context context;
    @Mixin
    Options.StoreOption store;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1)")
    String bind;
    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: 8080; 0: a free one)")
    Integer port;
    @Option(names = "--runbooks", paramLabel = "DIR",
            description = "Folder of the services' runbooks: DIR/*.yaml and DIR/*/shipshape.yaml (default: .)")
    Path runbooks;
    @Option(names = "--public-metrics", description = "Answer /metrics without a token")
    boolean publicMetrics;
    @Option(names = "--access-log", description = "Log every request on stderr (as JSON lines with"
            + " SHIPSHAPE_LOG_FORMAT=json)")
    boolean accessLog;

    ServeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        Store opened = context.openStore(store.url);
        ShipshapeServer server;
        try {
            server = ShipshapeServer.start(settings, context.app, opened, Version.number());
        } catch (RuntimeException e) {
            opened.close();
            throw new ShipshapeException(Code.FAILED, "cannot listen on " + settings.bind() + ":" + settings.port()
                    + ": " + rootMessage(e) + "; choose another --port or --bind");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            server.stopForExit();
            opened.close();
            stopped.countDown();
        }));
        context.out.println("shipshape server listening on http://" + settings.bind() + ":" + server.port()
                + " (runbooks: " + settings.runbooks() + ")");
        context.out.flush();
        stopped.await();
        return ExitCode.SUCCEEDED;
    }

    /** Each setting from its option, else its environment variable, else {@code server:} in the config file. */
    private ServerSettings settings() {
        ServeConfig config = ServeConfig.of(context.app);
        String address = bind != null ? bind : context.env.getOrDefault("SHIPSHAPE_BIND",
                config.text("bind", ServerSettings.DEFAULT_BIND));
        int chosen = port != null ? port : context.env.containsKey("SHIPSHAPE_PORT")
                ? portOf(context.env.get("SHIPSHAPE_PORT")) : config.number("port", ServerSettings.DEFAULT_PORT);
        if (chosen < 0 || chosen > 65535) {
            throw new ShipshapeException(Code.INVALID_INPUT, "port " + chosen + " is not between 0 and 65535");
        }
        boolean publicMetrics = this.publicMetrics || config.flag("public_metrics");
        boolean accessLog = this.accessLog || config.flag("access_log");
        Path folder = runbooks != null ? runbooks : Path.of(context.env.getOrDefault("SHIPSHAPE_RUNBOOKS",
                config.text("runbooks", ".")));
        Path resolved = context.cwd.resolve(folder).normalize();
        if (!Files.isDirectory(resolved)) {
            throw new ShipshapeException(Code.INVALID_INPUT, "runbooks folder " + folder + " does not exist; give"
                    + " the folder holding the services' runbooks with --runbooks DIR");
        }
        return new ServerSettings(address, chosen, resolved, publicMetrics, ServerSettings.DEFAULT_GRACE,
                ServerSettings.DEFAULT_MAX_BODY, accessLog);
    }

    private static int portOf(String text) {
        if (text == null || text.isBlank()) {
            return ServerSettings.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ShipshapeException(Code.INVALID_INPUT, "SHIPSHAPE_PORT '" + text + "' is not a port number");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "no reason given" : root.getMessage();
    }
}
