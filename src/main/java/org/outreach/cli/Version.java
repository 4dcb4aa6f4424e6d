package org.outreach.cli;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"outreach " + (version == null ? "(development build)" : version)};
    }
}
