package dev.shipshape.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2SessionTablesTest extends SessionTablesContract {

    @TempDir
    Path folder;

    @Override
    protected String newDatabase() {
        return "jdbc:h2:file:" + folder.resolve("sessions") + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
    }
}
