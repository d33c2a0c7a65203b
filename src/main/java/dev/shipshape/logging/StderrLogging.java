package dev.shipshape.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code rather than XML (found through {@code META-INF/services}, so no
 * XML parser is loaded at start): logs only ever go to stderr, since stdout belongs to the command's
 * own output, and the libraries' routine INFO lines and stack traces are kept out of it.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {

    /** {@code SHIPSHAPE_LOG_FORMAT=json}: one JSON object per line (time, level, logger, message, key-values). */
    public static final String FORMAT_VARIABLE = "SHIPSHAPE_LOG_FORMAT";

    private static Encoder<ILoggingEvent> lines() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonLines() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithArguments(false);
        encoder.setWithMDC(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        return encoder;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Encoder<ILoggingEvent> encoder = "json".equals(System.getenv(FORMAT_VARIABLE)) ? jsonLines() : lines();
        encoder.setContext(context);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        // Flyway and HikariCP report every migration check and pool start at INFO: noise for a CLI
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer").setLevel(Level.WARN);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        // the pool logs a failed start with its stack trace; shipshape reports it on one line itself
        context.getLogger("com.zaxxer.hikari.pool.HikariPool").setLevel(Level.OFF);
        // Flyway logs a failed rollback with its stack trace, then throws; shipshape reports the failure itself
        context.getLogger("org.flywaydb.core.internal.jdbc.TransactionalExecutionTemplate").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
