package dev.migrate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.config.Config;
import dev.migrate.config.ConfiguredUrl;
import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.UrlFile;
import dev.migrate.core.Flavors;

/**
 * Which databases {@code upgrade}, {@code downgrade}, {@code stamp}, {@code current} and
 * {@code check} run against when there are several: {@code --url} given more than once, else every URL of
 * {@code --url-file}, else the {@code databases:} map of the configuration. One {@code --url}, or
 * none and no {@code databases:}, is the one database of every other command.
 */
final class DatabaseTargets {
    /** Every command that accepts several databases, as usage errors name them. */
    static final String COMMANDS = "upgrade, downgrade, stamp, current and check";

    /** One database of a run over many: how the output names it (its map key, else its URL masked). */
    record Target(String name, ConfiguredUrl url) {
    }

    private DatabaseTargets() {
    }

    /** Whether the options ask for several databases explicitly (the configuration's map aside). */
    static boolean given(RunOptions options) {
        return options.urls().size() > 1 || options.urlFile() != null;
    }

    /** Whether a command that accepts several databases runs against several with these options and settings. */
    static boolean several(RunOptions options, Config config) {
        return given(options) || options.urls().isEmpty() && !config.databases().isEmpty();
    }

    /**
     * The databases, in the order given, each URL parsed now: a typo on line 40 of the file stops
     * the command before any database is touched, rather than after 39 of them were migrated.
     */
    static List<Target> of(RunOptions options, Config config) {
        if (options.urlFile() != null && !options.urls().isEmpty()) {
            throw MigrateException.usage("give the databases with --url or with --url-file, not both");
        }
        List<Target> targets = new ArrayList<>();
        if (options.urlFile() != null) {
            for (ConfiguredUrl url : UrlFile.read(options.urlFile(), config.environment(), config.workDir())) {
                targets.add(new Target(url.masked(), url));
            }
        } else if (!options.urls().isEmpty()) {
            for (int i = 0; i < options.urls().size(); i++) {
                ConfiguredUrl url = new ConfiguredUrl(options.urls().get(i), "--url #" + (i + 1));
                targets.add(new Target(url.masked(), url));
            }
        } else {
            config.databases().forEach((name, url) -> targets.add(new Target(name, url)));
        }
        Map<String, Target> seen = new HashMap<>();
        for (Target t : targets) {
            DatabaseUrl parsed = t.url().parse(Flavors::parse, config.environment(), config.workDir());
            String identity = parsed.identity();
            Target before = identity == null ? null : seen.putIfAbsent(identity, t);
            if (before != null) {
                throw MigrateException.usage(t.url().source() + " names the same database as " + before.url().source()
                        + " (" + parsed.describe() + "): each database once");
            }
        }
        return targets;
    }
}
