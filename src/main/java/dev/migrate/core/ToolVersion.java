package dev.migrate.core;

import org.eclipse.microprofile.config.ConfigProvider;

/** The version of migrate itself, which the history table records with every step. */
public final class ToolVersion {
    private ToolVersion() {
    }

    /** The version Maven stamped into the jar; else Quarkus' application version; else {@code dev} (a build from source). */
    public static String get() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try {
            return ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        } catch (RuntimeException | LinkageError e) {
            // An application using the Java API without a MicroProfile Config implementation.
            return "dev";
        }
    }
}
