package dev.shipshape.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.gates.GateDecision;
import dev.shipshape.gates.GateLedger;
import dev.shipshape.gates.SignOff;
import dev.shipshape.approvals.ApprovalDecision;
import dev.shipshape.approvals.ApprovalRequest;
import dev.shipshape.testing.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gate decisions, approvals and sign-offs on the embedded H2 store and on a real PostgreSQL. */
class GateLedgerTest {

    @TempDir
    Path home;

    private Store open(String database) {
        return Store.open(database.equals("h2") ? null : PostgresServer.get().createDatabase("gates"), home, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void keepsRefusalsAndRunDecisionsWithWhoAndWhy(String database) {
        try (Store store = open(database)) {
            store.runs().create(SampleRuns.deploy("r-1"));
            GateLedger ledger = store.gates();
            ledger.record(List.of(new GateDecision(null, "shop", "prod", "1.4.0", "window", "block",
                    "Fri is denied", "alice", SampleRuns.T0)));
            ledger.record(List.of(new GateDecision("r-1", "shop", "prod", "1.4.0", "window", "overridden",
                    "overridden by alice: outage", "alice", SampleRuns.T0.plusSeconds(60))));

            assertThat(ledger.recent("shop", "prod", 10)).extracting(GateDecision::runId, GateDecision::verdict)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("r-1", "overridden"),
                            org.assertj.core.groups.Tuple.tuple(null, "block"));
            assertThat(ledger.decisions("r-1")).extracting(GateDecision::reason)
                    .containsExactly("overridden by alice: outage");
            assertThat(store.runs().events("r-1")).anyMatch(e -> e.kind().equals("gate.overridden")
                    && e.message().equals("overridden by alice: outage (by alice)"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anApprovalRequestKeepsItsFirstDeadlineAndDecisionsTheirOrder(String database) {
        try (Store store = open(database)) {
            store.runs().create(SampleRuns.deploy("r-1"));
            GateLedger ledger = store.gates();
            ApprovalRequest first = ledger.open("r-1", "gate/1", SampleRuns.T0, SampleRuns.T0.plusSeconds(3600));
            ApprovalRequest again = ledger.open("r-1", "gate/1", SampleRuns.T0.plusSeconds(600), null);
            ApprovalRequest open = ledger.open("r-1", "gate/2", SampleRuns.T0, null);
            ledger.decide(new ApprovalDecision("r-1", "gate/1", "bob", true, null, SampleRuns.T0.plusSeconds(5)));
            ledger.decide(new ApprovalDecision("r-1", "gate/1", "carol", false, "no", SampleRuns.T0.plusSeconds(9)));

            assertThat(again).isEqualTo(first);
            assertThat(open.expiresAt()).isNull();
            assertThat(ledger.request("r-1", "gate/2")).contains(open);
            assertThat(ledger.decisions("r-1", "gate/1")).extracting(ApprovalDecision::person,
                    ApprovalDecision::approved).containsExactly(org.assertj.core.groups.Tuple.tuple("bob", true),
                    org.assertj.core.groups.Tuple.tuple("carol", false));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void eachPersonsSignOffIsKeptAndTheSamePersonsNewOneReplacesTheirOld(String database) {
        try (Store store = open(database)) {
            GateLedger ledger = store.gates();
            ledger.signOff(new SignOff("shop", "prod", "1.4.0", "audit", "sam", null, SampleRuns.T0));
            ledger.signOff(new SignOff("shop", "prod", "1.4.0", "audit", "kim", null, SampleRuns.T0));
            ledger.signOff(new SignOff("shop", "prod", "1.4.0", "audit", "kim", "re-done", SampleRuns.T0.plusSeconds(1)));

            assertThat(ledger.signOffs("shop", "prod", "1.4.0")).extracting(SignOff::person, SignOff::comment)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("sam", null),
                            org.assertj.core.groups.Tuple.tuple("kim", "re-done"));
            assertThat(ledger.signOffs("shop", "prod", "1.5.0")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSignOffGivenOnceCountsForEveryVersion(String database) {
        try (Store store = open(database)) {
            GateLedger ledger = store.gates();
            ledger.signOff(new SignOff("shop", "prod", SignOff.ONCE, "dns", "sam", null, SampleRuns.T0));
            ledger.signOff(new SignOff("shop", "prod", "1.4.0", "audit", "sam", null, SampleRuns.T0));

            assertThat(ledger.signOffsFor("shop", "prod", "1.5.0")).extracting(SignOff::item).containsExactly("dns");
            assertThat(ledger.signOffsFor("shop", "prod", "1.4.0")).extracting(SignOff::item)
                    .containsExactly("dns", "audit");
        }
    }
}
