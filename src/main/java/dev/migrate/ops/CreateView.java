package dev.migrate.ops;

import java.util.Optional;

/**
 * A view, or a materialized view (PostgreSQL only).
 *
 * @param withData  for a materialized view: fill it now (WITH DATA) rather than on the first REFRESH
 * @param orReplace replace a view of that name; the inverse is then unknown, since the view it
 *                  replaced is not written here
 */
public record CreateView(Source at, String name, String query, boolean materialized, boolean withData,
                         boolean orReplace) implements Operation {
    @Override
    public String kind() {
        return "create_view";
    }

    @Override
    public Optional<Operation> inverse() {
        if (orReplace) return Optional.empty();
        return Optional.of(new DropView(at, name, materialized, false, query, withData));
    }
}
