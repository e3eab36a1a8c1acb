package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void rendersDoneOfTotalTheRevisionAndElapsedTime() {
        assertEquals("\r[########------------]  2/5  3f2a9c1b7d4e  00:03",
                ProgressBar.render(2, 5, "3f2a9c1b7d4e", Duration.ofMillis(3400)));
        assertEquals("\r[####################]  5/5  c3  01:05", ProgressBar.render(5, 5, "c3", Duration.ofSeconds(65)));
        assertEquals("\r[--------------------]  0/0  a1  00:00", ProgressBar.render(0, 0, "a1", Duration.ZERO));
    }

    @Test
    void followsTheRunnersLinesAndLeavesNoBarBehind() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.line("Migrating sqlite:///app.db (3 revisions)");
        bar.line("Running upgrade <base> -> a1, create users (3 ms)");
        bar.line("Running upgrade a1 -> b2, add email (2 ms)");
        String mid = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(mid.endsWith("[#############-------]  2/3  b2  00:00"), mid);
        bar.line("Running upgrade b2 -> c3, orders (2 ms)");
        String end = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(end.endsWith("Running upgrade b2 -> c3, orders (2 ms)\n"), "the last revision leaves plain lines: " + end);
        assertTrue(end.contains("\r\033[K"), "each bar is cleared before the next line");
    }

    @Test
    void offATerminalThereIsNoBar() {
        // Tests run without a console, as a pipe or a CI log does.
        assertFalse(ProgressBar.wanted(false));
        assertFalse(ProgressBar.wanted(true));
    }
}
