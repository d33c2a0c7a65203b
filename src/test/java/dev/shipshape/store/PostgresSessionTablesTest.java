package dev.shipshape.store;

import dev.shipshape.testing.PostgresServer;

class PostgresSessionTablesTest extends SessionTablesContract {

    @Override
    protected String newDatabase() {
        return PostgresServer.get().createDatabase("sessions");
    }
}
