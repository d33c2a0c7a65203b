package dev.shipshape.cli;

import dev.shipshape.ShipshapeException;
import dev.shipshape.engine.RunOutcome;
import dev.shipshape.engine.RunRecord;
import dev.shipshape.engine.RunStatus;
import dev.shipshape.rollback.RollbackRecord;
import dev.shipshape.rollback.RollbackRecords;
import dev.shipshape.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Keeps rollback records: in the store and as {@code .shipshape/rollbacks/<run>.json}, written whole or not at all. */
final class Rollbacks {

    private Rollbacks() {
    }

    /** After a deployment or resume: a run that rolled back by itself gets a record too. */
    static void keepIfRolledBack(Context context, Store opened, RunOutcome outcome) {
        if (outcome.status() == RunStatus.ROLLED_BACK || outcome.status() == RunStatus.ROLLBACK_FAILED) {
            RunRecord run = opened.runs().run(outcome.runId()).orElseThrow();
            keep(context, opened, RollbackRecords.ofDeployment(run, opened.runs().steps(run.runId())));
        }
    }

    static void keep(Context context, Store opened, RollbackRecord record) {
        opened.rollbacks().save(record);
        Path folder = context.cwd.resolve(Context.STORE_DIR).resolve("rollbacks");
        Path file = folder.resolve(record.runId() + ".json");
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, record.runId(), ".part");
            Files.writeString(partial, Json.write(record));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.STORE, "could not write the rollback record " + file
                    + ": " + e.getMessage() + "; it is in the store (shipshape show " + record.runId() + ")", e);
        }
    }
}
