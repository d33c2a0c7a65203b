package dev.shipshape.runbook.yaml;

import static dev.shipshape.runbook.yaml.RunbookFixtures.load;
import static dev.shipshape.runbook.yaml.RunbookFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.runbook.ApprovalStep;
import dev.shipshape.runbook.Runbook;
import dev.shipshape.runbook.gates.ChecklistItem;
import dev.shipshape.runbook.gates.Windows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateLoadingTest {

    private static String withProduction(String production) {
        return """
                service: shop-api
                environments:
                  staging: {}
                  production:
                """ + production.indent(4) + """
                stages: [{name: deploy, steps: [{run: ./deploy.sh}]}]
                """;
    }

    @Test
    void thePinnedWindowsShapeLoads() {
        Runbook rb = load(withProduction("""
                windows:
                  timezone: America/Los_Angeles
                  allow: ["Mon-Thu 10:00-16:00"]
                  deny: ["2026-01-28..2026-01-30", "Fri 14:00-24:00"]
                """));

        Windows w = rb.environment("production").orElseThrow().gates().windows();
        assertThat(w.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(w.allow().getFirst().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(w.allow().getFirst().startMinute()).isEqualTo(600);
        assertThat(w.allow().getFirst().endMinute()).isEqualTo(960);
        assertThat(w.deny().get(0).from()).isEqualTo(LocalDate.of(2026, 1, 28));
        assertThat(w.deny().get(0).to()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(w.deny().get(1).endMinute()).isEqualTo(24 * 60);
        assertThat(w.override().count()).as("production needs an approval to override").isEqualTo(1);
    }

    @Test
    void promotionChecklistPeopleAndApprovalStepsLoad() {
        Runbook rb = load("""
                service: shop-api
                people:
                  alice: [lead]
                  bob: sre
                environments:
                  staging: {}
                  production:
                    promote_from: staging
                    soak: 48h
                    checklist:
                      strict: true
                      items:
                        - {name: tests, run: ./test.sh, timeout: 5s}
                        - {env: NEXTAUTH_SECRET, min_length: 32}
                        - {tls: api.example.com:443, min_days: 30}
                        - {name: audit, sign_off: [security]}
                stages:
                  - name: gate
                    steps:
                      - approval: {count: 2, roles: [lead, sre], expires: 4h}
                """);

        var production = rb.environment("production").orElseThrow().gates();
        assertThat(production.promotion().from()).isEqualTo("staging");
        assertThat(production.promotion().soak()).isEqualTo(Duration.ofHours(48));
        assertThat(production.checklist().strict()).isTrue();
        assertThat(production.checklist().items()).containsExactly(
                new ChecklistItem.Command("tests", "./test.sh", Duration.ofSeconds(5)),
                new ChecklistItem.Env("NEXTAUTH_SECRET", List.of("NEXTAUTH_SECRET"), 32, null),
                new ChecklistItem.Tls("api.example.com:443", "api.example.com", 443, 30, Duration.ofSeconds(30)),
                new ChecklistItem.SignOff("audit", List.of("security")));
        assertThat(rb.people().rolesOf("bob")).containsExactly("sre");
        ApprovalStep step = (ApprovalStep) rb.stages().getFirst().steps().getFirst();
        assertThat(step.summary()).isEqualTo("2 approvals from lead or sre, expires after 4h");
    }

    @Test
    void anUnparsableWindowIsReportedWithItsPosition() {
        assertThat(problems(withProduction("""
                windows:
                  timezone: America/Los_Angeles
                  allow: ["Mon-Thrs 10:00-16:00", "Mon 10-16"]
                """))).containsExactly(
                "bad.yaml:7:15: environments.production.windows.allow[0]: 'Thrs' is not a day; write Mon, Tue,"
                        + " Wed, Thu, Fri, Sat or Sun",
                "bad.yaml:7:39: environments.production.windows.allow[1]: cannot read '10-16' in window \"Mon 10-16\";"
                        + " write e.g. \"Mon-Thu 10:00-16:00\", \"Fri 14:00-24:00\", \"last Sun of month 02:00-04:00\" or \"2026-01-28..2026-01-30\"");
    }

    @Test
    void anUnknownTimeZoneIsReported() {
        assertThat(problems(withProduction("""
                windows:
                  timezone: America/San_Francisco
                  allow: ["Mon-Thu 10:00-16:00"]
                """))).containsExactly("bad.yaml:6:17: environments.production.windows.timezone: unknown time zone"
                + " 'America/San_Francisco' (use a region name such as America/Los_Angeles, Europe/Berlin or UTC)");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsReported() {
        assertThat(problems(withProduction("""
                windows:
                  timezone: UTC
                  deny: ["Fri 22:00-02:00", "2026-01-30..2026-01-28"]
                """))).containsExactly(
                "bad.yaml:7:14: environments.production.windows.deny[0]: window \"Fri 22:00-02:00\" ends (02:00)"
                        + " before it starts (22:00); split a window that crosses midnight into two, e.g."
                        + " \"Fri 22:00-24:00\" and \"Sat 00:00-02:00\"",
                "bad.yaml:7:33: environments.production.windows.deny[1]: window \"2026-01-30..2026-01-28\" ends"
                        + " (2026-01-28) before it starts (2026-01-30)");
    }

    @Test
    void promotionFromAnUnknownEnvironmentSuggestsTheOneMeant() {
        assertThat(problems(withProduction("""
                promote_from: stagin
                soak: 2d
                """))).containsExactly("bad.yaml:5:19: environments.production.promote_from: unknown environment"
                + " 'stagin' (did you mean 'staging'?)");
    }
}
