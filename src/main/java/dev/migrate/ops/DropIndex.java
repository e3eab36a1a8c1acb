package dev.migrate.ops;

import java.util.Optional;

/**
 * @param table      the indexed table, or null; SQLite and PostgreSQL drop an index by name alone
 * @param definition the dropped index when the file gives it, so the drop can be inverted; or null
 */
public record DropIndex(Source at, String name, String table, Index definition, boolean concurrently,
                        boolean ifExists) implements Operation {
    @Override
    public String kind() {
        return "drop_index";
    }

    @Override
    public Optional<Operation> inverse() {
        return definition == null ? Optional.empty() : Optional.of(new CreateIndex(at, definition, concurrently, ifExists));
    }
}
