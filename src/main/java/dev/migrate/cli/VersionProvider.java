package dev.migrate.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code migrate --version}: the version Maven stamped into the build. */
public class VersionProvider implements IVersionProvider {
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class).orElse("dev") : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"migrate " + version()};
    }
}
