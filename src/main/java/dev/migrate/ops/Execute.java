package dev.migrate.ops;

import java.util.Map;
import java.util.Optional;

/**
 * Raw SQL. {@code sql} runs on every dialect; otherwise {@code perDialect} maps a dialect name to
 * its SQL and a dialect it does not name runs nothing.
 */
public record Execute(Source at, String sql, Map<String, String> perDialect) implements Operation {
    public Execute {
        perDialect = Map.copyOf(perDialect);
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
}
