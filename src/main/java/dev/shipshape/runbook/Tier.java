package dev.shipshape.runbook;

/** Which part of the system a stage changes; {@code rollback --app-only / --db-only} picks stages by it. */
public enum Tier { APPLICATION, DATABASE }
