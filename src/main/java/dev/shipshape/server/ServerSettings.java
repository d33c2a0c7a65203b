package dev.shipshape.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a server listens and what it serves.
 *
 * @param bind          the address to listen on; 127.0.0.1 unless told otherwise
 * @param port          the port; 0 picks a free one
 * @param runbooks      the folder holding the services' runbooks
 * @param publicMetrics whether {@code /metrics} answers without a token (for a Prometheus on the same host)
 * @param grace         how long a stop waits for requests in flight
 * @param maxBody       the largest request body accepted, in bytes
 * @param accessLog     whether each request is logged (method, path, status, time, user, address) on stderr
 * @param heartbeat     how long a live-events stream may be quiet before a comment line keeps it open
 * @param scheduleEvery how often the server looks for the services' schedules that are due
 */
public record ServerSettings(String bind, int port, Path runbooks, boolean publicMetrics, Duration grace,
                             long maxBody, boolean accessLog, Duration heartbeat, Duration scheduleEvery) {

    public ServerSettings(String bind, int port, Path runbooks, boolean publicMetrics, Duration grace, long maxBody,
                          boolean accessLog, Duration heartbeat) {
        this(bind, port, runbooks, publicMetrics, grace, maxBody, accessLog, heartbeat, DEFAULT_SCHEDULE_EVERY);
    }

    /** Without an access log. */
    public ServerSettings(String bind, int port, Path runbooks, boolean publicMetrics, Duration grace, long maxBody) {
        this(bind, port, runbooks, publicMetrics, grace, maxBody, false);
    }

    /** With the default heartbeat. */
    public ServerSettings(String bind, int port, Path runbooks, boolean publicMetrics, Duration grace, long maxBody,
                          boolean accessLog) {
        this(bind, port, runbooks, publicMetrics, grace, maxBody, accessLog, DEFAULT_HEARTBEAT);
    }

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SCHEDULE_EVERY = Duration.ofSeconds(30);

    /** The same settings with live-events heartbeats every {@code every}. */
    public ServerSettings withHeartbeat(Duration every) {
        return new ServerSettings(bind, port, runbooks, publicMetrics, grace, maxBody, accessLog, every,
                scheduleEvery);
    }

    /** The same settings looking for due schedules every {@code every}. */
    public ServerSettings withScheduleEvery(Duration every) {
        return new ServerSettings(bind, port, runbooks, publicMetrics, grace, maxBody, accessLog, heartbeat, every);
    }
}
