package dev.shipshape.audit;

import java.time.Instant;

/**
 * What happened, as it is appended to the audit log: who did what to what, from where, and how it ended.
 * Never a secret: targets are names (service, environment, run id, user, token id), never values.
 *
 * @param who     a user name, or the OS user for a command run on this host
 * @param local   true when {@code who} is the OS user of a local command rather than an authenticated user
 * @param action  the command, e.g. {@code deploy}, {@code db restore}, {@code token create}
 * @param target  what it acted on, e.g. {@code service=shop-api env=prod version=v2}; null when nothing in particular
 * @param address where the request came from: {@code local} for the CLI, else the client's address
 * @param outcome how it ended, e.g. {@code succeeded (exit 0)}
 */
public record AuditRecord(Instant at, String who, boolean local, String action, String target, String address,
                          String outcome) {

    /** The address of every command run on this host. */
    public static final String LOCAL = "local";
}
