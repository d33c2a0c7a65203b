package dev.shipshape.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiModeTest {

    @Test
    void anySpellingOfCiMakesMissingComponentsFail() {
        assertThat(CiMode.on(Map.of("CI", "true"))).isTrue();
        assertThat(CiMode.on(Map.of("CI", "TRUE"))).isTrue();
        assertThat(CiMode.on(Map.of("CI", "1"))).isTrue();
        assertThat(CiMode.on(Map.of("CI", "yes"))).isTrue();
    }

    @Test
    void withoutCiMissingComponentsAreSkipped() {
        assertThat(CiMode.on(Map.of())).isFalse();
        assertThat(CiMode.on(Map.of("CI", ""))).isFalse();
        assertThat(CiMode.on(Map.of("CI", "false"))).isFalse();
        assertThat(CiMode.on(Map.of("CI", "0"))).isFalse();
    }
}
