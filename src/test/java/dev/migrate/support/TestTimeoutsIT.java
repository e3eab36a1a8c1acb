package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In the failsafe JVM, the ITs' default timeout (pom.xml) wins over the tests' (junit-platform.properties). */
class TestTimeoutsIT {
    @RegisterExtension
    static final TestTimeouts TIMEOUTS = new TestTimeouts();

    @Test
    void theIntegrationTestsRunWithTheirOwnDefaultTimeout() {
        assertEquals(Duration.ofMinutes(10), TIMEOUTS.defaultTimeout());
    }
}
