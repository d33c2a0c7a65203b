package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status through the application layer: what is live, locked and open in each environment, as values. */
class EnvironmentsTest {

    private static final String RUNBOOK = """
            service: shop
            environments:
              staging: {}
              production: {}
            stages:
              - name: deploy
                steps:
                  - run: echo deploy ${version}
            """;

    @TempDir
    Path folder;

    @Test
    void withoutAStoreNothingIsLiveOrLockedAndNoStoreIsCreated() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        Environments.Statuses statuses = kit.app().environments(kit.app().store(null))
                .status(new Environments.StatusRequest(runbook.runbook(), null));

        assertThat(statuses.service()).isEqualTo("shop");
        assertThat(statuses.environments()).extracting(EnvironmentStatus::environment)
                .containsExactly("staging", "production");
        assertThat(statuses.environments()).allSatisfy(s -> {
            assertThat(s.live()).isNull();
            assertThat(s.lock()).isNull();
            assertThat(s.window()).isEqualTo(new EnvironmentStatus.Window(true, "no deployment windows: any time",
                    null));
        });
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void aDeployedVersionIsLiveInItsEnvironmentOnly() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        String runId;
        try (Store store = kit.store()) {
            runId = kit.app().deployments(store).deploy(kit.deploy(runbook, "staging", "1.4", Actor.local("alice")))
                    .run().runId();
        }
        Environments environments = kit.app().environments(kit.app().store(null));

        EnvironmentStatus staging = environments.status(new Environments.StatusRequest(runbook.runbook(), "staging"))
                .environments().getFirst();
        EnvironmentStatus production = environments.status(new Environments.StatusRequest(runbook.runbook(),
                "production")).environments().getFirst();

        assertThat(staging.live().version()).isEqualTo("1.4");
        assertThat(staging.live().runId()).isEqualTo(runId);
        assertThat(staging.lock()).isNull();
        assertThat(production.live()).isNull();
        assertThatThrownBy(() -> environments.status(new Environments.StatusRequest(runbook.runbook(), "qa")))
                .hasMessageStartingWith("environment 'qa' is not defined in ");
    }
}
