package dev.shipshape.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.store.Store;
import dev.shipshape.tokens.Authentication.Authenticated;
import dev.shipshape.tokens.Authentication.Reason;
import dev.shipshape.tokens.Authentication.Refused;
import dev.shipshape.users.Role;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuing and authenticating tokens over a real store; each backend runs it. */
abstract class TokensContract {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    Store store;
    Tokens tokens;

    protected abstract Store openStore(ManualClock clock);

    @BeforeEach
    void open() {
        store = openStore(clock);
        tokens = new Tokens(store.tokens(), store.users(), clock, new SecureRandom());
        store.users().add("bob", Role.DEPLOYER, null, T0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anIssuedTokenAuthenticatesItsUser() {
        Tokens.Issued issued = tokens.issue("bob", "ci", Duration.ofDays(90));

        Authentication result = tokens.authenticate(issued.value());

        assertThat(result).isInstanceOfSatisfying(Authenticated.class, a -> {
            assertThat(a.user().name()).isEqualTo("bob");
            assertThat(a.user().role()).isEqualTo(Role.DEPLOYER);
            assertThat(a.token().id()).isEqualTo(issued.token().id());
        });
        assertThat(issued.value()).matches("shp_[A-Za-z0-9_-]{43}");
        assertThat(issued.token().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    void aTokenNeverIssuedOrNotOfShipshapeIsUnknown() {
        tokens.issue("bob", "ci", Duration.ofDays(1));

        assertThat(refusal(tokens.authenticate("shp_" + "A".repeat(43)))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(tokens.authenticate("ghp_something"))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(tokens.authenticate(""))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(tokens.authenticate(null))).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void aTokenIsRefusedFromTheMomentItExpires() {
        Tokens.Issued issued = tokens.issue("bob", "ci", Duration.ofHours(12));

        clock.advance(Duration.ofHours(12).minusMillis(1));
        assertThat(tokens.authenticate(issued.value())).isInstanceOf(Authenticated.class);
        clock.advance(Duration.ofMillis(1));
        Authentication late = tokens.authenticate(issued.value());

        assertThat(refusal(late)).isEqualTo(Reason.EXPIRED);
        assertThat(((Refused) late).message()).isEqualTo("token " + issued.token().id()
                + " expired at 2026-12-01T22:00:00Z").doesNotContain(issued.value());
    }

    @Test
    void aRevokedTokenIsRefusedAndOthersStillWork() {
        Tokens.Issued revoked = tokens.issue("bob", "old", Duration.ofDays(30));
        Tokens.Issued kept = tokens.issue("bob", "new", Duration.ofDays(30));

        Token after = tokens.revoke(revoked.token().id());

        assertThat(after.state(clock.instant())).isEqualTo(Token.State.REVOKED);
        assertThat(refusal(tokens.authenticate(revoked.value()))).isEqualTo(Reason.REVOKED);
        assertThat(tokens.authenticate(kept.value())).isInstanceOf(Authenticated.class);
    }

    @Test
    void aDisabledUsersTokensAreRefused() {
        Tokens.Issued issued = tokens.issue("bob", "ci", Duration.ofDays(30));

        store.users().disable("bob", clock.instant());

        assertThat(refusal(tokens.authenticate(issued.value()))).isEqualTo(Reason.USER_DISABLED);
    }

    @Test
    void tokensAreOnlyIssuedForEnabledUsersWithinAYear() {
        store.users().add("carol", Role.VIEWER, null, T0);
        store.users().disable("carol", T0);

        assertThatThrownBy(() -> tokens.issue("nobody", "ci", Duration.ofDays(1)))
                .isInstanceOfSatisfying(ShipshapeException.class,
                        e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
        assertThatThrownBy(() -> tokens.issue("carol", "ci", Duration.ofDays(1))).hasMessageContaining("disabled");
        assertThatThrownBy(() -> tokens.issue("bob", "ci", Duration.ofDays(367))).hasMessageContaining("366 days");
        assertThatThrownBy(() -> tokens.issue("bob", "no spaces", Duration.ofDays(1)))
                .hasMessageContaining("not a token name");
        assertThat(store.tokens().all(null)).isEmpty();
    }

    @Test
    void eachTokenHasItsOwnValueAndId() {
        Tokens.Issued first = tokens.issue("bob", "ci", Duration.ofDays(1));
        Tokens.Issued second = tokens.issue("bob", "ci", Duration.ofDays(1));

        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(first.token().id()).isNotEqualTo(second.token().id()).matches("tok_[0-9a-f]{12}");
        assertThat(first.toString()).doesNotContain(first.value());
    }

    private static Reason refusal(Authentication result) {
        assertThat(result).isInstanceOf(Refused.class);
        return ((Refused) result).reason();
    }
}
