package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleLockFileTest {

    @TempDir
    Path folder;

    @Test
    void aLockFileWhoseServerNoLongerAnswersIsRemoved() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path lock = lockFile(port);

        StaleLockFile.removeIfOwnerIsGone(lock);

        assertThat(lock).doesNotExist();
    }

    @Test
    void aLockFileWhoseServerAnswersIsKept() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path lock = lockFile(socket.getLocalPort());

            StaleLockFile.removeIfOwnerIsGone(lock);

            assertThat(lock).exists();
        }
    }

    private Path lockFile(int port) throws Exception {
        return Files.writeString(folder.resolve("store.lock.db"), "#FileLock\nhostName=localhost\nid=abc\n"
                + "method=file\nserver=127.0.0.1\\:" + port + "\n");
    }
}
