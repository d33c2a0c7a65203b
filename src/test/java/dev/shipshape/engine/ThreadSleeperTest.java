package dev.shipshape.engine;

import dev.shipshape.time.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The real sleeper waits its time out unless asked to stop, and asks again between slices. */
class ThreadSleeperTest {

    @Test
    void aStopAlreadyAskedForEndsTheWaitAtOnce() {
        assertThat(Sleeper.SYSTEM.sleep(Duration.ofHours(1), () -> true)).isFalse();
    }

    @Test
    void aStopAskedForDuringTheWaitIsSeenAtTheNextSlice() {
        AtomicInteger asked = new AtomicInteger();

        boolean whole = Sleeper.SYSTEM.sleep(Duration.ofHours(1), () -> asked.incrementAndGet() > 2);

        assertThat(whole).isFalse();
        assertThat(asked).hasValue(3);
    }

    @Test
    void aWaitThatRunsItsCourseSaysSo() {
        assertThat(Sleeper.SYSTEM.sleep(Duration.ofMillis(5), () -> false)).isTrue();
    }
}
