package dev.shipshape.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2AuditChainTest extends AuditChainContract {

    @TempDir
    Path folder;

    @Override
    protected String newDatabase() {
        return "jdbc:h2:file:" + folder.resolve("audit") + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0;WRITE_DELAY=0";
    }
}
