package dev.shipshape.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipshape.ShipshapeException;
import dev.shipshape.gates.Verdict;
import dev.shipshape.gates.checklist.ItemResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist through the application layer: a sign-off is the actor's, and counts for its version only. */
class ChecklistsTest {

    private static final String RUNBOOK = """
            service: shop
            people:
              sam: [security]
              alice: [dev]
            environments:
              production:
                checklist:
                  strict: true
                  items:
                    - {name: tests pass, run: "echo all green"}
                    - {name: security audit, sign_off: [security]}
            stages:
              - name: deploy
                steps:
                  - run: echo deployed
            """;

    @TempDir
    Path folder;

    @Test
    void aSignOffBySomeoneWithTheRoleLetsTheStrictChecklistPassForThatVersionOnly() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        Checklists checklists = kit.app().checklists(kit.app().store(null));

        Checklists.SignedOff signed = checklists.signOff(new Checklists.SignOffRequest(runbook, "production", "v1",
                "security audit", "reviewed", Actor.server("sam", "192.0.2.9")));
        Checklists.ChecklistResult v1 = checklists.run(new Checklists.ChecklistRequest(runbook, "production", "v1",
                null));
        Checklists.ChecklistResult v2 = checklists.run(new Checklists.ChecklistRequest(runbook, "production", "v2",
                null));

        assertThat(signed).isEqualTo(new Checklists.SignedOff("shop", "production", "v1", "security audit",
                "sam (security)", "reviewed"));
        assertThat(v1.items()).extracting(ItemResult::passed).containsExactly(true, true);
        assertThat(v1.gate().verdict()).isEqualTo(Verdict.PASS);
        assertThat(v2.blocks()).isTrue();
        assertThat(v2.gate().reason()).isEqualTo("1 of 2 items failed (strict): security audit");
    }

    @Test
    void runningTheChecklistWithoutAStoreCreatesNone() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);

        Checklists.ChecklistResult result = kit.app().checklists(kit.app().store(null)).run(
                new Checklists.ChecklistRequest(runbook, "production", "v1", null));

        assertThat(result.allPassed()).isFalse();
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }

    @Test
    void someoneWithoutTheRoleCannotSignOffAndNothingIsRecorded() throws Exception {
        AppKit kit = new AppKit(folder);
        Runbooks.Loaded runbook = kit.runbook(RUNBOOK);
        Checklists checklists = kit.app().checklists(kit.app().store(null));

        assertThatThrownBy(() -> checklists.signOff(new Checklists.SignOffRequest(runbook, "production", "v1",
                "security audit", null, Actor.local("alice"))))
                .isInstanceOfSatisfying(ShipshapeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ShipshapeException.Code.FAILED);
                    assertThat(e.getMessage()).isEqualTo("alice may not sign off 'security audit': needs security;"
                            + " nothing was recorded");
                });
        assertThat(folder.resolve(".shipshape")).doesNotExist();
    }
}
