package dev.shipshape.downtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.analysis.ProbeReport;
import dev.shipshape.runbook.StageProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutagesTest {

    private static final long MS = 1_000_000;

    private static ProbeReport seen(StageProbe probe, boolean... answers) {
        Outages outages = new Outages();
        for (int i = 0; i < answers.length; i++) {
            outages.record(i * 500 * MS, answers[i]);
        }
        return outages.report("run", "deploy", probe, answers.length * 500 * MS);
    }

    @Test
    void measuresTheLongestOutageFromFirstFailureToNextSuccess() {
        ProbeReport report = seen(new StageProbe("u", Duration.ofMillis(500), null, null),
                true, false, false, true, false, true, true);

        assertThat(report).isEqualTo(new ProbeReport("run", "deploy", "u", 7, 3, 1000, 1500, true,
                "7 requests, 3 failed, longest outage 1s"));
    }

    @Test
    void anOutageStillGoingAtTheEndLastsUntilTheStageEnds() {
        ProbeReport report = seen(new StageProbe("u", Duration.ofMillis(500), null, null), true, false, false);

        assertThat(report.longestOutageMillis()).isEqualTo(1000);
    }

    @Test
    void failsTheGateOnTooManyFailuresOrTooLongAnOutage() {
        assertThat(seen(new StageProbe("u", Duration.ofMillis(500), 0, null), true, false, true).reason())
                .isEqualTo("zero-downtime probe: 1 failed requests > 0 allowed (3 requests, 1 failed, longest outage 500ms)");
        assertThat(seen(new StageProbe("u", Duration.ofMillis(500), null, Duration.ofSeconds(1)),
                true, false, false, false, true).reason()).startsWith("zero-downtime probe: outage of 1s500ms > 1s allowed");
        assertThat(seen(new StageProbe("u", Duration.ofMillis(500), 5, Duration.ofSeconds(2)), true, false, true)
                .passed()).isTrue();
    }
}
