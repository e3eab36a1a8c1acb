package dev.migrate.ops;

import java.util.Map;
import java.util.Optional;

/**
 * Raw SQL. {@code sql} runs on every dialect; otherwise {@code perDialect} maps a dialect name to
 * its SQL and a dialect it does not name runs nothing. {@code textLines} gives the line where each
 * text starts (key {@code ""} for {@code sql}), so that every statement in it is reported at its
 * own line; a text it does not list starts on the operation's line.
 */
public record Execute(Source at, String sql, Map<String, String> perDialect, Map<String, Integer> textLines)
        implements Operation {
    public Execute {
        perDialect = Map.copyOf(perDialect);
        textLines = Map.copyOf(textLines);
    }

    public Execute(Source at, String sql, Map<String, String> perDialect) {
        this(at, sql, perDialect, Map.of());
    }

    @Override
    public String kind() {
        return "execute";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.empty();
    }

    /** The SQL for {@code dialect}, or null when there is none. */
    public String sqlFor(String dialect) {
        return sql != null ? sql : perDialect.get(dialect);
    }

    /** The line of the file where the SQL for {@code dialect} starts. */
    public int lineFor(String dialect) {
        return textLines.getOrDefault(sql != null ? "" : dialect, line());
    }
}
