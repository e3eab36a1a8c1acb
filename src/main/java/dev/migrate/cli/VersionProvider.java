package dev.migrate.cli;

import dev.migrate.core.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code migrate --version}: the version Maven stamped into the build. */
public class VersionProvider implements IVersionProvider {
    public static String version() {
        return ToolVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"migrate " + version()};
    }
}
