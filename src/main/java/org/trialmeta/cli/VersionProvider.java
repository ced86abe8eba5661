package org.trialmeta.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (or "development" when run from classes). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"trialmeta " + (v == null ? "development" : v),
            "Java " + System.getProperty("java.version")};
    }
}
