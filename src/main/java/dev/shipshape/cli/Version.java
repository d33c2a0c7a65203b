package dev.shipshape.cli;

import picocli.CommandLine;

/** Prints the version from the jar's manifest (or "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"shipshape " + (version == null ? "development" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
