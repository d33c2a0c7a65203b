package dev.shipshape.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

    /** The file's JSON: camelCase keys, ISO-8601 instants, indented (as {@code show --output json} writes runs). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Rollbacks() {
    }

    /** After a deployment or resume: a run that rolled back by itself gets a record too. */
    static void keepIfRolledBack(Path home, Store opened, RunOutcome outcome) {
        if (outcome.status() == RunStatus.ROLLED_BACK || outcome.status() == RunStatus.ROLLBACK_FAILED) {
            RunRecord run = opened.runs().run(outcome.runId()).orElseThrow();
            keep(home, opened, RollbackRecords.ofDeployment(run, opened.runs().steps(run.runId())));
        }
    }

    static void keep(Path home, Store opened, RollbackRecord record) {
        opened.rollbacks().save(record);
        Path folder = home.resolve(Shipshape.STORE_DIR).resolve("rollbacks");
        Path file = folder.resolve(record.runId() + ".json");
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, record.runId(), ".part");
            Files.writeString(partial, JSON.writeValueAsString(record));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        } catch (IOException e) {
            throw new ShipshapeException(ShipshapeException.Code.STORE, "could not write the rollback record " + file
                    + ": " + e.getMessage() + "; it is in the store (shipshape show " + record.runId() + ")", e);
        }
    }
}
