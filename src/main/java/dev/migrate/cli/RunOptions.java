package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of one run, however they were placed: each command declares only the options it
 * uses (its mixins, so its help lists those), while {@code migrate} itself declares them all, so
 * that they may also stand before the command's name. This folds the two: lists add up (the ones
 * before the command first), a value given after the command wins over one given before it, a
 * switch is on when given in either place. {@code --tag} goes in front of the {@code -x} pairs,
 * where an explicit {@code -x tag=...} overrides it.
 *
 * @param concurrency never below 1 once checked by {@link MigrateCommand#workspace()}
 */
record RunOptions(String config, List<String> urls, String urlFile, int concurrency, List<String> x, String connectWait,
                  String lockTimeout, String ddlLockTimeout, boolean quiet, boolean verbose, boolean json) {
    RunOptions {
        urls = List.copyOf(urls);
        x = List.copyOf(x);
    }

    /** The options held by {@code holders} (mixins of the commands parsed, outermost first); any other object is skipped. */
    static RunOptions of(List<?> holders) {
        String config = null;
        List<String> urls = new ArrayList<>();
        String urlFile = null;
        Integer concurrency = null;
        List<String> tags = new ArrayList<>();
        List<String> x = new ArrayList<>();
        String connectWait = null;
        String lockTimeout = null;
        String ddlLockTimeout = null;
        boolean quiet = false;
        boolean verbose = false;
        boolean json = false;
        for (Object h : holders) {
            if (h instanceof ConfigOption c && c.file != null) config = c.file;
            if (h instanceof DatabaseOptions d) {
                urls.addAll(d.urls);
                if (d.connectWait != null) connectWait = d.connectWait;
            }
            if (h instanceof ManyDatabasesOptions m) {
                if (m.urlFile != null) urlFile = m.urlFile;
                if (m.concurrency != null) concurrency = m.concurrency;
            }
            if (h instanceof LockOption l) {
                if (l.timeout != null) lockTimeout = l.timeout;
                if (l.ddlTimeout != null) ddlLockTimeout = l.ddlTimeout;
            }
            if (h instanceof ValuesOption v) x.addAll(v.pairs);
            if (h instanceof TagOption t && t.tag != null) tags.add("tag=" + t.tag);
            if (h instanceof OutputOptions o) quiet |= o.quiet;
            if (h instanceof VerboseOption v) verbose |= v.verbose;
            if (h instanceof JsonOption j) json |= j.json;
        }
        tags.addAll(x);
        return new RunOptions(config, urls, urlFile, concurrency == null ? ManyDatabases.DEFAULT_CONCURRENCY : concurrency,
                tags, connectWait, lockTimeout, ddlLockTimeout, quiet, verbose, json);
    }
}
