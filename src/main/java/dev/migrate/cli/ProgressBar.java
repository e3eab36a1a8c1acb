package dev.migrate.cli;

import java.io.PrintStream;
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

    /** Whether the bar is wanted: standard error goes to a terminal (as far as Java can tell) and not -q. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
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
