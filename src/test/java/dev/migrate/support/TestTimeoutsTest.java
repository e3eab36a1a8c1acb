package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hung database call fails its test instead of holding the build until CI gives up: every test
 * has a default timeout (see the README's development notes), long enough for the slowest test on a
 * loaded machine (fifty databases at once: about 16 seconds idle), and the {@code *IT} classes a
 * longer one of their own.
 */
class TestTimeoutsTest {
    @RegisterExtension
    static final TestTimeouts TIMEOUTS = new TestTimeouts();

    @Test
    void everyTestHasADefaultTimeoutWithRoomForALoadedMachine() {
        Duration timeout = TIMEOUTS.defaultTimeout();
        assertNotNull(timeout, TestTimeouts.DEFAULT + " is not set");
        assertEquals(Duration.ofMinutes(5), timeout);
    }

    @Test
    void theIntegrationTestsGetALongerOne() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher failsafe = Pattern.compile("<artifactId>maven-failsafe-plugin</artifactId>(.*?)</plugin>", Pattern.DOTALL).matcher(pom);
        assertTrue(failsafe.find(), "no failsafe plugin in pom.xml");
        Matcher param = Pattern.compile("<configurationParameters>[^<]*" + Pattern.quote(TestTimeouts.DEFAULT) + "\\s*=\\s*([^\\n<]+)")
                .matcher(failsafe.group(1));
        assertTrue(param.find(), "failsafe sets no " + TestTimeouts.DEFAULT + ":\n" + failsafe.group(1));
        Duration it = TestTimeouts.parse(param.group(1));
        assertTrue(it.compareTo(TIMEOUTS.defaultTimeout()) > 0, "the ITs' " + it + " is not longer than the tests' " + TIMEOUTS.defaultTimeout());
    }

    /** JUnit reads one junit-platform.properties: one of ours would hide Quarkus' (its class orderer, extension autodetection). */
    @Test
    void quarkusOwnJunitSettingsStayInEffect() throws Exception {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("junit-platform.properties"));
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).toString().contains("quarkus-junit"), files.toString());
    }

    @Test
    void junitReadsTheFormatWritten() {
        assertEquals(Duration.ofMinutes(10), TestTimeouts.parse("10 m"));
        assertEquals(Duration.ofMillis(250), TestTimeouts.parse("250ms"));
        assertEquals(Duration.ofSeconds(30), TestTimeouts.parse("30"));
    }
}
