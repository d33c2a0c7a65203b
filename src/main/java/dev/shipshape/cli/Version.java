package dev.shipshape.cli;

import picocli.CommandLine;

/** Prints the version from the jar's manifest (or "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"shipshape " + number() + " (Java " + Runtime.version() + ")"};
    }

    /** The jar's version, or "development" when run from classes. */
    static String number() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
