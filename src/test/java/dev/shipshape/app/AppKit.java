package dev.shipshape.app;

import dev.shipshape.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The application over a project folder, without the CLI: the composition root built as a server would build
 * it, the embedded H2 store in the folder's {@code .shipshape/}, runbooks written into the folder.
 */
final class AppKit {

    final Path folder;
    final Map<String, String> env = new HashMap<>();
    Clock clock = Clock.systemUTC();

    AppKit(Path folder) {
        this.folder = folder;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
    }

    Shipshape app() {
        return new Shipshape(Shipshape.Settings.onThisHost(folder, env, clock));
    }

    Store store() {
        return app().openStore(null);
    }

    Runbooks.Loaded runbook(String text) throws IOException {
        Files.writeString(folder.resolve("shipshape.yaml"), text);
        return app().runbooks().read(Path.of("shipshape.yaml"));
    }

    Deployments.DeployRequest deploy(Runbooks.Loaded runbook, String environment, String version, Actor actor) {
        return new Deployments.DeployRequest(runbook, environment, version, null, null, actor, DeployWatch.NONE, false);
    }
}
