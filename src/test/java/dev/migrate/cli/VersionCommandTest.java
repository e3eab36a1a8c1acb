package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrate.support.CliTest;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code migrate --version} in-process says the version the build has, as the packaged application does. */
@CliTest
class VersionCommandTest {
    /** The project's version, as pom.xml gives it. */
    static String projectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>migrate</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "no version in pom.xml");
        return m.group(1);
    }

    @Test
    void printsTheBuildsVersion(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult r = launcher.launch("--version");
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        assertEquals("migrate " + projectVersion(), r.getOutput().strip());
    }
}
