package dev.migrate.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.migrate.config.DatabaseUrl;
import dev.migrate.config.InvalidUrlException;
import dev.migrate.dialect.Dialect;
import dev.migrate.engine.Database;
import dev.migrate.flavor.Flavor;
import dev.migrate.postgres.PostgresFlavor;
import dev.migrate.sql.DialectNames;
import dev.migrate.sqlite.SqliteFlavor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The one place that chooses a database's {@link Flavor}: from a URL's text, a parsed URL, a
 * dialect name or an open session.
 */
public final class Flavors {
    private static final List<Flavor> ALL = List.of(PostgresFlavor.INSTANCE, SqliteFlavor.INSTANCE);

    private Flavors() {
    }

    /** Every flavor, in the order of {@link DialectNames#ALL}. */
    public static List<Flavor> all() {
        return ALL;
    }

    /** The flavor called {@code name} ({@code postgresql}, also {@code postgres}, or {@code sqlite}). */
    public static Flavor named(String name) {
        String canonical = DialectNames.require(name);
        for (Flavor f : ALL) if (f.name().equals(canonical)) return f;
        throw new IllegalStateException("no flavor is called " + canonical + ": DialectNames.ALL and Flavors.all() differ");
    }

    /** The dialect called {@code name}. */
    public static Dialect dialect(String name) {
        return named(name).dialect();
    }

    /**
     * {@code text} read by the flavor whose scheme it has (see {@link Flavor#parseUrl}), the
     * {@link dev.migrate.config.UrlParser} the settings are given. An empty text, or one no flavor
     * reads, is refused with every accepted form.
     */
    public static DatabaseUrl parse(String text, Map<String, String> environment, Path workDir) {
        if (text == null || text.isBlank()) {
            throw new InvalidUrlException("the database URL is empty; accepted forms: " + acceptedForms());
        }
        String t = text.trim();
        for (Flavor f : ALL) {
            Optional<DatabaseUrl> url = f.parseUrl(t, environment, workDir);
            if (url.isPresent()) return url.get();
        }
        throw new InvalidUrlException("unsupported database URL '" + DatabaseUrl.mask(t) + "'; accepted forms: " + acceptedForms());
    }

    /** Every flavor's URL forms, in the order of {@link #all()}. */
    static String acceptedForms() {
        StringBuilder b = new StringBuilder();
        for (Flavor f : ALL) b.append(b.length() == 0 ? "" : ", ").append(f.urlForms());
        return b.toString();
    }

    /** The flavor of the database {@code url} names. */
    public static Flavor of(DatabaseUrl url) {
        return named(url.dialect());
    }

    /** The flavor of the database {@code db} is connected to. */
    public static Flavor of(Database db) {
        return named(db.dialectName());
    }

    /** Opens the database {@code url} names (see {@link Flavor#open}). */
    public static Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx, Duration wait, Duration timeout,
                                     Consumer<String> log) {
        return of(url).open(url, vertx, wait, timeout, log);
    }

    /** One attempt, no waiting: for tools and tests that know the database is up. */
    public static Uni<Database> open(DatabaseUrl url, Supplier<Vertx> vertx) {
        return open(url, vertx, Duration.ZERO, Duration.ZERO, line -> { });
    }
}
