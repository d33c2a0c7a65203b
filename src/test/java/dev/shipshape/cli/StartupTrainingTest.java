package dev.shipshape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher's AOT training run must exercise real commands; a broken one would train on errors. */
class StartupTrainingTest {

    @Test
    void everyTrainingCommandExitsAsAUserWouldSeeIt() {
        assertThat(StartupTraining.run()).isEmpty();
    }
}
