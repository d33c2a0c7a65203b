package dev.shipshape.store;

import dev.shipshape.testing.PostgresServer;

class PostgresAuditChainTest extends AuditChainContract {

    @Override
    protected String newDatabase() {
        return PostgresServer.get().createDatabase("audit");
    }
}
