package dev.shipshape.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.Threshold;
import dev.shipshape.runbook.Threshold.Comparison;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void readsComparisonsNumbersAndUnits() {
        assertThat(Threshold.parse("> 0.05")).contains(new Threshold(Comparison.GREATER, 0.05, "> 0.05"));
        assertThat(Threshold.parse(">=2")).contains(new Threshold(Comparison.GREATER_OR_EQUAL, 2, ">=2"));
        assertThat(Threshold.parse("> 2s").orElseThrow().limit()).isEqualTo(2.0);
        assertThat(Threshold.parse("> 500ms").orElseThrow().limit()).isEqualTo(0.5);
        assertThat(Threshold.parse("< 5%").orElseThrow()).extracting(Threshold::comparison, Threshold::limit)
                .containsExactly(Comparison.LESS, 0.05);
    }

    @Test
    void rejectsWhatIsNotAThreshold() {
        assertThat(Threshold.parse("0.05")).isEmpty();
        assertThat(Threshold.parse("> lots")).isEmpty();
        assertThat(Threshold.parse("=> 1")).isEmpty();
        assertThat(Threshold.parse("> 2 minutes")).isEmpty();
    }

    @Test
    void isBreachedOnlyPastItsLimit() {
        Threshold over = Threshold.parse("> 0.10").orElseThrow();
        Threshold atLeast = Threshold.parse(">= 0.10").orElseThrow();

        assertThat(over.breachedBy(0.10)).isFalse();
        assertThat(over.breachedBy(0.11)).isTrue();
        assertThat(atLeast.breachedBy(0.10)).isTrue();
        assertThat(Threshold.parse("< 0.99").orElseThrow().breachedBy(0.95)).isTrue();
    }
}
