package dev.shipshape.store;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import dev.shipshape.analysis.VerificationLog;
import dev.shipshape.audit.AuditLog;
import dev.shipshape.engine.RunStore;
import dev.shipshape.gates.GateLedger;
import dev.shipshape.postgres.PostgresRecords;
import dev.shipshape.rollback.RollbackLog;
import dev.shipshape.tokens.TokenLedger;
import dev.shipshape.users.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * An open store: one database with the repositories of each feature over it. Opened once per
 * command or server; closing it closes the database. A feature that records something defines a
 * small interface in its own package and gets an accessor here, implemented over {@link Database}.
 */
public final class Store implements AutoCloseable {

    private final Database database;
    private final JdbcRunStore runs;
    private final JdbcGateLedger gates;
    private final VerificationTables verification;
    private final RollbackTable rollbacks;
    private final JdbcConfirmations confirmations;

    private Store(Database database, Clock clock) {
        this.database = database;
        this.runs = new JdbcRunStore(database, clock);
        this.gates = new JdbcGateLedger(database);
        this.verification = new VerificationTables(database);
        this.rollbacks = new RollbackTable(database);
        this.confirmations = new JdbcConfirmations(database);
    }

    /**
     * @param url  null for the embedded store in {@code home/.shipshape}, else a {@code jdbc:h2:} or
     *             {@code jdbc:postgresql://} URL
     * @param env  where {@code SHIPSHAPE_STORE_USER} and {@code SHIPSHAPE_STORE_PASSWORD} are looked up
     * @throws ShipshapeException INVALID_INPUT for an unsupported URL, STORE when it cannot be opened
     */
    public static Store open(String url, Path home, Map<String, String> env) {
        return open(url, home, env, Clock.systemUTC());
    }

    /** As {@link #open(String, Path, Map)}, with the clock that stamps runs, events and locks. */
    public static Store open(String url, Path home, Map<String, String> env, Clock clock) {
        StoreAddress address = StoreAddress.of(url, home, env);
        if (url == null || url.isBlank()) {
            createFolder(home.resolve(".shipshape"));
            Path file = StoreAddress.embeddedFile(home);
            try (OpeningLock opening = OpeningLock.take(Path.of(file + ".opening"))) {
                StaleLockFile.removeIfOwnerIsGone(Path.of(file + ".lock.db"));
                StaleLockFile.awaitSettled(Path.of(file + ".lock.db"));
                return new Store(Database.open(address), clock);
            }
        }
        return new Store(Database.open(address), clock);
    }

    /** Runs, stages, steps, events, locks and cancel requests. */
    public RunStore runs() {
        return runs;
    }

    /** Who confirmed the confirm steps of runs, when, with what note. */
    public dev.shipshape.confirmations.ConfirmationLedger confirmations() {
        return confirmations;
    }

    /** Gate decisions, approvals and checklist sign-offs. */
    public GateLedger gates() {
        return gates;
    }

    /** Backups and actions of PostgreSQL operations. */
    public PostgresRecords postgres() {
        return new JdbcPostgresRecords(database);
    }

    /** Analysis samples, verification results and zero-downtime probe reports. */
    public VerificationLog verification() {
        return verification;
    }

    /** Rollback records. */
    public RollbackLog rollbacks() {
        return rollbacks;
    }

    /** Users and their password hashes. */
    public Users users() {
        return new UserTable(database);
    }

    /** API tokens, each kept as the SHA-256 of its value. */
    public TokenLedger tokens() {
        return new TokenTable(database);
    }

    /** Browser sessions of the server, each kept as the SHA-256 of its cookie value. */
    public dev.shipshape.sessions.SessionLedger sessions() {
        return new SessionTable(database);
    }

    /** What {@code schedule run-due} handled per schedule, so that a due time runs once. */
    public dev.shipshape.schedules.ScheduleLedger schedules() {
        return new ScheduleTable(database);
    }

    /** The failed sign-ins the server's login throttle counts. */
    public dev.shipshape.sessions.LoginFailures loginFailures() {
        return new LoginFailureTable(database);
    }

    /** The tamper-evident audit log of what people did. */
    public AuditLog audit() {
        return new AuditTable(database);
    }

    @Override
    public void close() {
        database.close();
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ShipshapeException(Code.STORE, "could not create the store folder " + folder + ": "
                    + OneLine.causeOf(e) + "; check that it can be written", e);
        }
    }
}
