package dev.shipshape.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logs never reach stdout, and the libraries' routine chatter and stack traces are kept out. */
class StderrLoggingTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void everyLogLineGoesToStderr() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
        assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
    }

    @Test
    void routineLibraryMessagesAndPoolStackTracesAreNotShown() {
        assertThat(context.getLogger("org.flywaydb.core.Flyway").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("org.flywaydb.core.Flyway").isWarnEnabled()).isTrue();
        assertThat(context.getLogger("com.zaxxer.hikari.HikariDataSource").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").isErrorEnabled()).isFalse();
        assertThat(context.getLogger("org.flywaydb.core.internal.jdbc.TransactionalExecutionTemplate")
                .isErrorEnabled()).isFalse();
        assertThat(context.getLogger("dev.shipshape").isInfoEnabled()).isTrue();
    }
}
