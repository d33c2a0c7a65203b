package dev.shipshape.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.testkit.ManualClock;
import dev.shipshape.store.Store;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's schedule ledger: a due time is claimed once, a schedule is first seen once. */
abstract class ScheduleLedgerContract {

    private static final Instant SEEN = Instant.parse("2026-05-20T12:00:00Z");
    private static final Instant DUE = Instant.parse("2026-06-01T03:00:00Z");

    private Store store;
    private ScheduleLedger ledger;

    protected abstract Store openStore(ManualClock clock);

    @BeforeEach
    void open() {
        store = openStore(new ManualClock(SEEN));
        ledger = store.schedules();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aScheduleIsFirstSeenOnce() {
        assertThat(ledger.firstSeen("shop", "dr-drill@staging", SEEN)).isTrue();
        assertThat(ledger.firstSeen("shop", "dr-drill@staging", DUE)).isFalse();
        assertThat(ledger.last("shop", "dr-drill@staging")).contains(new ScheduleLedger.Last(SEEN, null, null));
        assertThat(ledger.last("other", "dr-drill@staging")).isEmpty();
    }

    @Test
    void aDueTimeIsClaimedOnlyFromTheTimeBeforeIt() {
        ledger.firstSeen("shop", "dr-drill@staging", SEEN);

        assertThat(ledger.claim("shop", "dr-drill@staging", SEEN, DUE)).isTrue();
        assertThat(ledger.claim("shop", "dr-drill@staging", SEEN, DUE)).isFalse();
        ledger.handled("shop", "dr-drill@staging", "20260601-030000-abcd", null);
        assertThat(ledger.last("shop", "dr-drill@staging"))
                .contains(new ScheduleLedger.Last(DUE, "20260601-030000-abcd", null));
    }
}
