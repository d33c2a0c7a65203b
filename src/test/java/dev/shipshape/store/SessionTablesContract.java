package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.sessions.Session;
import dev.shipshape.users.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's sessions and failed sign-ins on a real store; each backend runs it. */
abstract class SessionTablesContract {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String HASH = "a".repeat(64);

    protected abstract String newDatabase();

    Store store;

    @BeforeEach
    void open() {
        store = Store.open(newDatabase(), Path.of("/nonexistent"), Map.of());
        store.users().add("alice", Role.DEPLOYER, null, T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSessionIsFoundByItsHashSeenAndRemoved() {
        store.sessions().add(HASH, new Session("alice", T0, T0.plus(Duration.ofHours(12)), T0));

        store.sessions().seen(HASH, T0.plusSeconds(90));

        assertThat(store.sessions().withHash(HASH)).hasValue(new Session("alice", T0, T0.plus(Duration.ofHours(12)),
                T0.plusSeconds(90)));
        store.sessions().remove(HASH);
        assertThat(store.sessions().withHash(HASH)).isEmpty();
    }

    @Test
    void endedSessionsAreForgottenAndActiveOnesKept() {
        String idle = "b".repeat(64);
        store.sessions().add(HASH, new Session("alice", T0, T0.plus(Duration.ofHours(12)), T0.plusSeconds(600)));
        store.sessions().add(idle, new Session("alice", T0, T0.plus(Duration.ofHours(12)), T0));

        store.sessions().removeEnded(T0.plusSeconds(700), T0.plusSeconds(300));

        assertThat(store.sessions().withHash(HASH)).isPresent();
        assertThat(store.sessions().withHash(idle)).isEmpty();
    }

    @Test
    void failuresAreCountedPerSubjectNewestFirstAndOldOnesForgotten() {
        store.loginFailures().add(List.of("user:alice", "address:10.0.0.1"), T0, T0.minusSeconds(900));
        store.loginFailures().add(List.of("user:alice"), T0.plusSeconds(60), T0.minusSeconds(840));
        store.loginFailures().add(List.of("user:bob"), T0.plusSeconds(1000), T0.plusSeconds(30));

        assertThat(store.loginFailures().latest("user:alice", T0.minusSeconds(1), 5)).isEqualTo(List.of(
                T0.plusSeconds(60)));
        assertThat(store.loginFailures().latest("address:10.0.0.1", T0.minusSeconds(1), 5)).isEmpty();
        store.loginFailures().clear("user:bob");
        assertThat(store.loginFailures().latest("user:bob", T0, 5)).isEmpty();
    }
}
