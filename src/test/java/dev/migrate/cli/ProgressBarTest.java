package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path tmp;

    /** A stand-in for {@code /proc/self/fd/2}: a link to {@code target}, which need not exist (as {@code pipe:[...]} does not). */
    private Path stderrTo(String target) throws IOException {
        return Files.createSymbolicLink(tmp.resolve("fd2-" + Math.abs(target.hashCode())), Path.of(target));
    }

    @Test
    void theBarIsDecidedByWhereStandardErrorGoes() throws IOException {
        Path pts = stderrTo("/dev/pts/3");
        assertTrue(ProgressBar.wanted(false, "xterm-256color", pts));
        assertTrue(ProgressBar.terminal(stderrTo("/dev/tty1")));
        // 2>log on a terminal: standard input and output are the terminal, standard error a file
        assertFalse(ProgressBar.wanted(false, "xterm-256color", stderrTo(tmp.resolve("log").toString())));
        assertFalse(ProgressBar.wanted(false, "xterm-256color", stderrTo("pipe:[4026531]")));
        assertFalse(ProgressBar.wanted(false, "xterm-256color", stderrTo("socket:[4026532]")));
        assertFalse(ProgressBar.wanted(false, "xterm-256color", stderrTo("/dev/null")));
        // where there is no /proc: no bar
        assertFalse(ProgressBar.wanted(false, "xterm-256color", tmp.resolve("no-such-proc/self/fd/2")));
        // the rules that were there stay: -q, and a dumb or unknown terminal
        assertFalse(ProgressBar.wanted(true, "xterm-256color", pts));
        assertFalse(ProgressBar.wanted(false, "dumb", pts));
        assertFalse(ProgressBar.wanted(false, null, pts));
    }

    /** The links Linux itself makes for a process whose standard error is a file, then a pipe. */
    @Test
    void aRealProcessWritingToAFileOrAPipeGetsNoBar() throws IOException, InterruptedException {
        Path proc = Path.of("/proc/self/fd/2");
        if (!Files.isSymbolicLink(proc)) return; // not Linux: nothing to read
        Path log = tmp.resolve("err.log");
        Process toFile = new ProcessBuilder("sleep", "30").redirectError(log.toFile()).start();
        Process toPipe = new ProcessBuilder("sleep", "30").redirectError(ProcessBuilder.Redirect.PIPE).start();
        try {
            Path fileFd = Path.of("/proc/" + toFile.pid() + "/fd/2");
            Path pipeFd = Path.of("/proc/" + toPipe.pid() + "/fd/2");
            assertEquals(log.toRealPath(), Files.readSymbolicLink(fileFd));
            assertTrue(Files.readSymbolicLink(pipeFd).toString().startsWith("pipe:"), Files.readSymbolicLink(pipeFd).toString());
            assertFalse(ProgressBar.wanted(false, "xterm", fileFd));
            assertFalse(ProgressBar.wanted(false, "xterm", pipeFd));
        } finally {
            toFile.destroy();
            toPipe.destroy();
            toFile.waitFor();
            toPipe.waitFor();
        }
    }

    @Test
    void offATerminalThereIsNoBar() {
        // Tests run without a console, as a pipe or a CI log does.
        assertFalse(ProgressBar.wanted(false));
        assertFalse(ProgressBar.wanted(true));
    }
}
