package dev.shipshape.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipshape.postgres.BackupManifest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which backups the retention policy deletes, decided apart from deleting them. */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Backups taken every {@code everyDays} days, newest first: backup_0 is the newest. */
    private static List<BackupManifest> backups(int count, int everyDays) {
        return IntStream.range(0, count).mapToObj(i -> new BackupManifest("backup_" + i, "shop", "staging", "shop",
                "15.8", "3", "custom", "backup_" + i + ".dump", 1000, "abc", NOW.minus(Duration.ofDays(
                (long) i * everyDays)), 100, null, null)).toList();
    }

    private static List<String> deleted(List<Retention.Deletion> deletions) {
        return deletions.stream().map(d -> d.backup().id() + ": " + d.reason()).toList();
    }

    @Test
    void keepsTheNewestNAndDeletesTheRest() {
        List<Retention.Deletion> d = Retention.decide(backups(5, 1), 3, null, NOW, Set.of());

        assertThat(deleted(d)).containsExactly("backup_3: beyond the newest 3", "backup_4: beyond the newest 3");
    }

    @Test
    void deletesOnlyBackupsOlderThanTheMaximumAge() {
        List<Retention.Deletion> d = Retention.decide(backups(5, 10), null, Duration.ofDays(25), NOW, Set.of());

        assertThat(deleted(d)).containsExactly("backup_3: older than 600h", "backup_4: older than 600h");
    }

    @Test
    void eitherLimitDeletesWhenBothAreSet() {
        List<Retention.Deletion> d = Retention.decide(backups(4, 10), 3, Duration.ofDays(15), NOW, Set.of());

        assertThat(deleted(d)).containsExactly("backup_2: older than 360h", "backup_3: beyond the newest 3");
    }

    @Test
    void neverDeletesTheOnlyValidBackupHoweverOld() {
        List<BackupManifest> one = List.of(backups(3, 100).get(2));

        assertThat(Retention.decide(one, 1, Duration.ofDays(1), NOW, Set.of())).isEmpty();
    }

    @Test
    void keepsTheNewestEvenWhenEveryBackupIsTooOld() {
        List<BackupManifest> old = backups(4, 10).subList(1, 4);

        assertThat(deleted(Retention.decide(old, null, Duration.ofDays(1), NOW, Set.of())))
                .containsExactly("backup_2: older than 24h", "backup_3: older than 24h");
    }

    @Test
    void neverDeletesABackupThatAnUnfinishedRunReferences() {
        List<Retention.Deletion> d = Retention.decide(backups(5, 1), 1, null, NOW, Set.of("backup_2", "backup_4"));

        assertThat(deleted(d)).containsExactly("backup_1: beyond the newest 1", "backup_3: beyond the newest 1");
    }

    @Test
    void noLimitsDeleteNothing() {
        assertThat(Retention.decide(backups(10, 30), null, null, NOW, Set.of())).isEmpty();
    }
}
