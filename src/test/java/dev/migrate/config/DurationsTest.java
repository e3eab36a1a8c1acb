package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void unitsAndPlainSeconds() {
        assertEquals(Duration.ofSeconds(60), Durations.parse("60s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10"));
        assertEquals(Duration.ofMillis(500), Durations.parse("0.5"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofSeconds(5), Durations.parse(" 5s "));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"soon", "", "-1s", "5 s", "5x", "s", "1m30", "1.s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
            assertTrue(e.getMessage().contains("60s, 500ms, 2m, 1h"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999h"));
    }

    @Test
    void formatsInTheShortestForm() {
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1m", Durations.format(Duration.ofSeconds(60)));
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    }
}
