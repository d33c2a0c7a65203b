package dev.shipshape.store;

import static dev.shipshape.store.SampleRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.engine.Change.RunChanged;
import dev.shipshape.engine.LiveVersion;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.engine.RunStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Listing past runs and finding what was last deployed. */
interface HistoryContract {

    RunStore store();

    private void finish(String runId, String service, String environment, String version, Instant createdAt,
                        RunStatus status, Instant finishedAt) {
        store().create(SampleRuns.deploy(runId, service, environment, version, createdAt));
        store().record(new RunChanged(runId, finishedAt, status, null));
    }

    @Test
    default void runsAreListedNewestFirst() {
        store().create(SampleRuns.deploy("a", "shop", "prod", "1", T0.plusSeconds(10)));
        store().create(SampleRuns.deploy("b", "shop", "prod", "2", T0.plusSeconds(30)));
        store().create(SampleRuns.deploy("c", "shop", "prod", "3", T0.plusSeconds(20)));
        store().create(SampleRuns.deploy("d", "shop", "prod", "4", T0.plusSeconds(30)));

        assertThat(store().runs(null, null, 10)).extracting(RunRecord::runId).containsExactly("d", "b", "c", "a");
        assertThat(store().runs(null, null, 2)).extracting(RunRecord::runId).containsExactly("d", "b");
    }

    @Test
    default void runsAreFilteredByServiceAndEnvironment() {
        store().create(SampleRuns.deploy("shop-prod", "shop", "prod", "1", T0));
        store().create(SampleRuns.deploy("shop-test", "shop", "test", "1", T0.plusSeconds(1)));
        store().create(SampleRuns.deploy("cart-prod", "cart", "prod", "1", T0.plusSeconds(2)));

        assertThat(store().runs("shop", null, 10)).extracting(RunRecord::runId)
                .containsExactly("shop-test", "shop-prod");
        assertThat(store().runs(null, "prod", 10)).extracting(RunRecord::runId)
                .containsExactly("cart-prod", "shop-prod");
        assertThat(store().runs("shop", "prod", 10)).extracting(RunRecord::runId).containsExactly("shop-prod");
        assertThat(store().runs("nobody", null, 10)).isEmpty();
    }

    @Test
    default void lastSucceededVersionIsTheLatestFinishedSuccessfulDeploy() {
        finish("old", "shop", "prod", "1.0", T0, RunStatus.SUCCEEDED, T0.plusSeconds(100));
        finish("late-start", "shop", "prod", "1.2", T0.plusSeconds(1), RunStatus.SUCCEEDED, T0.plusSeconds(300));
        finish("early-end", "shop", "prod", "1.1", T0.plusSeconds(2), RunStatus.SUCCEEDED, T0.plusSeconds(200));
        finish("failed", "shop", "prod", "2.0", T0.plusSeconds(3), RunStatus.FAILED, T0.plusSeconds(400));
        finish("elsewhere", "shop", "test", "3.0", T0.plusSeconds(4), RunStatus.SUCCEEDED, T0.plusSeconds(500));
        store().create(SampleRuns.withProcedure(SampleRuns.deploy("restart", "shop", "prod", "4.0",
                T0.plusSeconds(5)), "restart"));
        store().record(new RunChanged("restart", T0.plusSeconds(600), RunStatus.SUCCEEDED, null));
        store().create(SampleRuns.deploy("running", "shop", "prod", "5.0", T0.plusSeconds(6)));

        assertThat(store().lastSucceededVersion("shop", "prod")).contains("1.2");
        assertThat(store().lastSucceededVersion("shop", "test")).contains("3.0");
        assertThat(store().lastSucceededVersion("shop", "nowhere")).isEmpty();
    }

    @Test
    default void theLiveVersionIsWhatTheLatestSuccessfulDeployPutThereAndSaysWhichRun() {
        finish("first", "shop", "prod", "1.0", T0, RunStatus.SUCCEEDED, T0.plusSeconds(100));
        finish("second", "shop", "prod", "1.1", T0.plusSeconds(1), RunStatus.SUCCEEDED, T0.plusSeconds(200));
        finish("failed", "shop", "prod", "2.0", T0.plusSeconds(2), RunStatus.FAILED, T0.plusSeconds(300));
        store().create(SampleRuns.withProcedure(SampleRuns.deploy("restart", "shop", "prod", "4.0",
                T0.plusSeconds(3)), "restart"));
        store().record(new RunChanged("restart", T0.plusSeconds(400), RunStatus.SUCCEEDED, null));

        assertThat(store().live("shop", "prod")).contains(new LiveVersion("shop", "prod", "1.1", "second",
                LiveVersion.DEPLOYED, T0.plusSeconds(200)));
        assertThat(store().live("shop", "test")).isEmpty();
    }

    @Test
    default void aDeployIsLiveFromWhenItsMonitoringBeganAndItsLaterSuccessDoesNotMakeItLiveAgain() {
        finish("monitored", "shop", "prod", "2.0", T0, RunStatus.MONITORING, T0.plusSeconds(100));
        LiveVersion monitoring = store().live("shop", "prod").orElseThrow();
        finish("hotfix", "shop", "prod", "2.1", T0.plusSeconds(150), RunStatus.SUCCEEDED, T0.plusSeconds(200));
        store().record(new RunChanged("monitored", T0.plusSeconds(300), RunStatus.SUCCEEDED, "live; monitoring ended"));

        assertThat(monitoring).isEqualTo(new LiveVersion("shop", "prod", "2.0", "monitored", LiveVersion.DEPLOYED,
                T0.plusSeconds(100)));
        assertThat(store().live("shop", "prod")).map(LiveVersion::version).contains("2.1");
    }
}
