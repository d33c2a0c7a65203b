package dev.shipshape.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's files: a runbook for a small shop API with build, deploy and verify stages, the
 * scripts it calls, and a secrets file. Rewritten on every demo so it always matches the service's port.
 */
public final class DemoWorkspace {

    private final Path folder;

    public DemoWorkspace(Path folder) {
        this.folder = folder;
    }

    public Path runbook() {
        return folder.resolve("shop-api.yaml");
    }

    public Path secrets() {
        return folder.resolve("secrets");
    }

    /** The file the deploy script writes the live version to; the demo service reads it. */
    public Path liveVersion() {
        return folder.resolve("live-version");
    }

    public void write(String baseUrl) throws IOException {
        Files.createDirectories(folder.resolve("scripts"));
        Files.writeString(runbook(), resource("shop-api.yaml").replace("@BASE_URL@", baseUrl));
        script("build.sh");
        script("deploy.sh");
        Files.deleteIfExists(liveVersion());
        Files.deleteIfExists(secrets());
        Files.createFile(secrets(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        Files.writeString(secrets(), "DEPLOY_TOKEN=demo-" + HexFormat.of().formatHex(token) + "\n");
    }

    private void script(String name) throws IOException {
        Path target = folder.resolve("scripts").resolve(name);
        Files.writeString(target, resource(name));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("demo resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
