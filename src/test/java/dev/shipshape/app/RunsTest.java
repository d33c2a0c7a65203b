package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing and finding runs through the application layer. */
class RunsTest {

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
    void runsAreListedNewestFirstPerEnvironmentAndFoundByTheirId() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        try (Store store = kit.store()) {
            Deployments deployments = kit.app().deployments(store);
            deployments.deploy(kit.deploy(runbook, "staging", "1.0", Actor.local("alice")));
            deployments.deploy(kit.deploy(runbook, "staging", "1.1", Actor.local("alice")));
            deployments.deploy(kit.deploy(runbook, "production", "1.0", Actor.local("bob")));
        }
        Runs runs = kit.app().runs(kit.app().store(null));

        var staging = runs.list(new Runs.ListRequest(null, "staging", 10));

        assertThat(staging).extracting(RunRecord::version).containsExactly("1.1", "1.0");
        assertThat(runs.list(new Runs.ListRequest("shop", null, 1))).extracting(RunRecord::startedBy)
                .containsExactly("bob");
        assertThat(runs.show(staging.getFirst().runId()).version()).isEqualTo("1.1");
        assertThatThrownBy(() -> runs.show("r-none")).isInstanceOfSatisfying(ShipshapeException.class,
                e -> assertThat(e.code()).isEqualTo(ShipshapeException.Code.NOT_FOUND));
    }

    @Test
    void withoutAStoreThereAreNoRunsAndNoStoreIsCreated() {
        AppKit kit = new AppKit(folder);

        assertThat(kit.app().runs(kit.app().store(null)).list(new Runs.ListRequest(null, null, 20))).isEmpty();
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }
}
