package dev.shipshape.processes;

import java.io.IOException;

/**
 * The one way Shipshape starts programs (shell steps, PostgreSQL client programs, checklist
 * commands): each in a process group of its own where the host allows it, so that stopping it
 * stops everything it started. {@link LocalProcesses} is the implementation; the composition root
 * hands it down.
 */
public interface Processes {

    /** @throws IOException when the program cannot be started (not found, not executable) */
    Spawned start(Launch launch) throws IOException;
}
