package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On a terminal, a run's progress as a bar under the progress lines: revisions done out of the
 * total, the revision that just ran, the time since the run started
 * ({@code [########------------]  2/5  3f2a9c1b7d4e  00:03}). It follows the lines the runner
 * already prints ({@code Migrating ... (5 revisions)}, then one {@code Running ...} per revision),
 * so the engine knows nothing of terminals; off a terminal, or with {@code -q}, there are only those lines.
 */
final class ProgressBar {
    private static final int WIDTH = 20;
    private static final Pattern START = Pattern.compile("^Migrating .* \\((\\d+) revisions?\\)$");
    private static final Pattern STEP = Pattern.compile("^Running (?:upgrade|downgrade) .*?-> ([^,]+),");

    private final PrintStream err;
    private int total;
    private int done;
    private long started;
    private boolean shown;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** Standard error as Linux names it: a link to the terminal, file or pipe it writes to. */
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    /**
     * Whether the bar is wanted: standard error goes to a terminal and not -q. Without Linux's
     * {@code /proc} (macOS) there is no cheap way to ask about standard error alone, so the bar
     * follows {@code System.console()} there, as it did before: a bar when the session is
     * interactive, plain lines when its output is redirected.
     */
    static boolean wanted(boolean quiet) {
        if (Files.isSymbolicLink(STDERR)) return wanted(quiet, System.getenv("TERM"), STDERR);
        return !quiet && System.console() != null && interactiveTerm(System.getenv("TERM"));
    }

    private static boolean interactiveTerm(String term) {
        return term != null && !"dumb".equals(term);
    }

    /**
     * The bar goes to standard error, so it is that stream which must be a terminal, whatever standard
     * input and output are: {@code 2>log} on a terminal gets plain lines, {@code | tee} still a bar.
     * ({@code System.console()} asks about standard input and output instead.) {@code stderr} is
     * {@code /proc/self/fd/2} but in tests.
     */
    static boolean wanted(boolean quiet, String term, Path stderr) {
        return !quiet && interactiveTerm(term) && terminal(stderr);
    }

    /**
     * Whether a {@code /proc/PID/fd/N} link names a terminal ({@code /dev/pts/3}, {@code /dev/tty1}):
     * a file, a pipe ({@code pipe:[1234]}), a socket or {@code /dev/null} is not one, nor a link
     * that cannot be read.
     */
    static boolean terminal(Path fdLink) {
        try {
            String target = Files.readSymbolicLink(fdLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Prints {@code line} above the bar, then the bar again when a run is under way. */
    synchronized void line(String line) {
        clear();
        err.println(line);
        Matcher start = START.matcher(line);
        if (start.find()) {
            total = Integer.parseInt(start.group(1));
            done = 0;
            started = System.nanoTime();
            return;
        }
        Matcher step = STEP.matcher(line);
        if (total > 0 && step.find()) {
            done++;
            if (done < total) {
                err.print(render(done, total, step.group(1), Duration.ofNanos(System.nanoTime() - started)));
                err.flush();
                shown = true;
            } else {
                total = 0;
            }
        }
    }

    /** Removes the bar, before another line or at the end of the run. */
    synchronized void clear() {
        if (!shown) return;
        err.print("\r\033[K");
        err.flush();
        shown = false;
    }

    /** The bar's text, from the start of the line: {@code \r[########------------]  2/5  3f2a9c1b7d4e  00:03}. */
    static String render(int done, int total, String revision, Duration elapsed) {
        int filled = total == 0 ? 0 : (int) ((long) WIDTH * Math.min(done, total) / total);
        long seconds = elapsed.toSeconds();
        return "\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]  " + done + "/" + total + "  " + revision
                + "  " + String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
