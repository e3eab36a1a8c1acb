package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In the failsafe JVM the default timeout is the ITs' own (failsafe's configuration in pom.xml), longer than the tests'. */
class TestTimeoutsIT {
    @RegisterExtension
    static final TestTimeouts TIMEOUTS = new TestTimeouts();

    @Test
    void theIntegrationTestsRunWithTheirOwnDefaultTimeout() {
        assertEquals(Duration.ofMinutes(10), TIMEOUTS.defaultTimeout());
    }
}
