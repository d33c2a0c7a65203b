package dev.shipshape.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hashed form is fixed: sorted keys, no whitespace, millisecond UTC times; anyone can recompute it. */
class EntryHashTest {

    private static final AuditRecord RESTORE = new AuditRecord(Instant.parse("2026-12-01T10:00:00Z"), "alice", true,
            "db restore", "service=shop env=prod", AuditRecord.LOCAL, "succeeded (exit 0)");

    @Test
    void theCanonicalJsonHasSortedKeysAndFixedFormats() {
        assertThat(EntryHash.canonical(1, RESTORE, EntryHash.GENESIS)).isEqualTo("{\"action\":\"db restore\","
                + "\"address\":\"local\",\"at\":\"2026-12-01T10:00:00.000Z\",\"local\":true,\"outcome\":\"succeeded"
                + " (exit 0)\",\"previous\":\"" + "0".repeat(64) + "\",\"seq\":1,\"target\":\"service=shop env=prod\","
                + "\"who\":\"alice\"}");
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalJson() {
        // printf '%s' "$canonical" | sha256sum
        assertThat(EntryHash.of(1, RESTORE, EntryHash.GENESIS))
                .isEqualTo("f51e5887f66621a2a77ba22dbceb526f4afecfce6bf4e12a345f6a2299f1ec94");
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        String hash = EntryHash.of(1, RESTORE, EntryHash.GENESIS);
        AuditRecord other = new AuditRecord(RESTORE.at(), RESTORE.who(), RESTORE.local(), RESTORE.action(),
                RESTORE.target(), RESTORE.address(), "failed (exit 1)");

        assertThat(EntryHash.of(2, RESTORE, EntryHash.GENESIS)).isNotEqualTo(hash);
        assertThat(EntryHash.of(1, RESTORE, "1".repeat(64))).isNotEqualTo(hash);
        assertThat(EntryHash.of(1, other, EntryHash.GENESIS)).isNotEqualTo(hash);
    }

    @Test
    void aMissingTargetIsNull() {
        AuditRecord none = new AuditRecord(RESTORE.at(), "bob", false, "user add", null, "203.0.113.7", "exit 0");

        assertThat(EntryHash.canonical(7, none, EntryHash.GENESIS)).contains("\"target\":null").contains("\"local\":false");
    }
}
