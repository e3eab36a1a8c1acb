package dev.migrate.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of migrate itself, which {@code migrate --version} prints and the history table records with every step. */
public final class ToolVersion {
    /** Written by the build into the classes, so that every way of running migrate reads the same one. */
    private static final String RESOURCE = "version.properties";

    private ToolVersion() {
    }

    /**
     * The version the build wrote next to this class; else {@code dev}. Read from the classes, not
     * from Quarkus' configuration, which a run without Quarkus (the Java API in an application, the
     * tests' in-process command line) does not have.
     */
    public static String get() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            // Unfiltered (a build that skipped resource processing): no version is known.
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
