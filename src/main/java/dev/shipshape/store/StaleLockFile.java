package dev.shipshape.store;

import dev.shipshape.time.Sleeper;
import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The lock file an embedded store's owner leaves behind when it is killed ({@code kill -9}). The
 * owner serves the store to other processes on the port the file names; when nothing answers there
 * any more, the owner is gone and the file is removed at once, instead of H2 taking seconds to
 * decide the same. The store file itself stays guarded by its own operating-system lock.
 */
final class StaleLockFile {

    private static final int PATIENCE_MILLIS = 500;
    private static final long SETTLED_MILLIS = 2_200;

    private StaleLockFile() {
    }

    /** Removes {@code lockFile} when the server it names refuses connections; leaves it otherwise. */
    static void removeIfOwnerIsGone(Path lockFile) {
        String server = server(lockFile);
        int colon = server == null ? -1 : server.lastIndexOf(':');
        if (colon <= 0) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.substring(0, colon),
                    Integer.parseInt(server.substring(colon + 1))), PATIENCE_MILLIS);
        } catch (ConnectException refused) {
            delete(lockFile);
        } catch (IOException | RuntimeException unsure) {
            // no answer either way: H2's own checks decide
        }
    }

    /**
     * Waits until H2's lock file is older than H2 requires (2 s) before another process may open
     * the store through it: a fresher one fails the open ("Lock file recently modified") instead of
     * connecting to the owner.
     */
    static void awaitSettled(Path lockFile) {
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lockFile).toMillis();
            if (age >= 0 && age < SETTLED_MILLIS) {
                Sleeper.SYSTEM.pause(Duration.ofMillis(SETTLED_MILLIS - age));
            }
        } catch (IOException gone) {
            // no lock file: nobody owns the store
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String server(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(lockFile)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return "file".equals(properties.getProperty("method")) ? properties.getProperty("server") : null;
    }

    private static void delete(Path lockFile) {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // H2 reports a lock file it cannot take over
        }
    }
}
