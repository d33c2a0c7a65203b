package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How opening a store fails: said on one line, with the URL but never a password. */
class OpeningTheStoreTest {

    @TempDir
    Path home;

    @Test
    void unsupportedUrlIsInvalidInput() {
        assertThatThrownBy(() -> Stores.open("mysql://db/shipshape?password=hunter22", home, Map.of()))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith("unsupported store URL mysql://db/shipshape")
                            .contains("jdbc:postgresql://host:port/db").doesNotContain("hunter22");
                });
    }

    @Test
    void unreachablePostgresIsAStoreErrorOnOneLineWithoutThePassword() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/shipshape?user=deploy&password=hunter22";

        assertThatThrownBy(() -> Stores.open(url, home, Map.of()))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.STORE);
                    assertThat(e.getMessage()).contains("127.0.0.1").contains("password=***")
                            .doesNotContain("hunter22").doesNotContain("\n").containsIgnoringCase("refused");
                });
    }

    @Test
    void passwordFromTheEnvironmentIsNeverShown() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/shipshape";
        Map<String, String> env = Map.of("SHIPSHAPE_STORE_USER", "deploy", "SHIPSHAPE_STORE_PASSWORD", "env-s3cret");

        assertThatThrownBy(() -> Stores.open(url, home, env))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.STORE);
                    assertThat(e.getMessage()).doesNotContain("env-s3cret").doesNotContain("\n");
                });
    }

    @Test
    void embeddedStoreWhoseFolderCannotBeCreatedIsAStoreError() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("home-is-a-file"), "x");

        assertThatThrownBy(() -> Stores.open(null, notAFolder, Map.of()))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.STORE);
                    assertThat(e.getMessage()).contains("home-is-a-file").doesNotContain("\n");
                });
    }

    @Test
    void addressNeverShowsThePasswordAsText() {
        StoreAddress address = StoreAddress.of("jdbc:postgresql://db/x?user=u&password=hunter22", home, Map.of());
        assertThat(address.toString()).doesNotContain("hunter22");
        assertThat(address.scrub("FATAL: password hunter22 rejected")).isEqualTo("FATAL: password *** rejected");
    }

    @Test
    void h2FileUrlsAreMadeDurableAgainstKillDashNine() {
        assertThat(StoreAddress.of("jdbc:h2:file:/srv/store", home, Map.of()).jdbcUrl())
                .isEqualTo("jdbc:h2:file:/srv/store;WRITE_DELAY=0");
        assertThat(StoreAddress.of("jdbc:h2:~/store;write_delay=100", home, Map.of()).jdbcUrl())
                .isEqualTo("jdbc:h2:~/store;write_delay=100");
        assertThat(StoreAddress.of("jdbc:h2:mem:test", home, Map.of()).jdbcUrl()).isEqualTo("jdbc:h2:mem:test");
        assertThat(StoreAddress.of(null, home, Map.of()).jdbcUrl())
                .endsWith("/.shipshape/store;AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0");
    }

    /** A loopback port nobody listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
