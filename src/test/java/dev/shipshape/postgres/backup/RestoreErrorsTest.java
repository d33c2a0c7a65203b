package dev.shipshape.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestoreErrorsTest {

    private static final String OUTPUT = """
            pg_restore: error: could not execute query: ERROR:  permission denied to create extension "pg_stat_statements"
            HINT:  Must be superuser to create this extension.
            Command was: CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA public;


            pg_restore: error: could not execute query: ERROR:  extension "pg_stat_statements" does not exist
            Command was: COMMENT ON EXTENSION pg_stat_statements IS 'track planning and execution statistics';


            pg_restore: error: could not execute query: ERROR:  role "reporting" does not exist
            Command was: ALTER TABLE public.orders OWNER TO reporting;


            pg_restore: warning: errors ignored on restore: 3
            """;

    @Test
    void namesEachFailedObjectOnceWithItsErrorAndHintLeavingOutWhatFailedBecauseOfIt() {
        assertThat(RestoreErrors.of(OUTPUT).describe()).isEqualTo("2 object(s) could not be restored: "
                + "EXTENSION pg_stat_statements (permission denied to create extension \"pg_stat_statements\"; "
                + "Must be superuser to create this extension.), TABLE public.orders (role \"reporting\" does not "
                + "exist)");
    }

    @Test
    void anExtensionThatCouldNotBeCreatedIsAdvisedToBeCreatedInTemplate1ByASuperuser() {
        assertThat(RestoreErrors.of(OUTPUT).advice("app")).startsWith("the role app may not create the "
                + "extension(s) pg_stat_statements: have a superuser run CREATE EXTENSION pg_stat_statements in "
                + "template1");
    }

    @Test
    void outputWithoutFailedStatementsIsShownAsItsLastLines() {
        RestoreErrors errors = RestoreErrors.of("pg_restore: error: connection to server failed\n");
        assertThat(errors.describe()).isEqualTo("pg_restore: error: connection to server failed");
        assertThat(errors.advice(null)).isEqualTo("fix the cause above (the restore runs as restoring role) and "
                + "restore again");
    }
}
