package dev.migrate.ops;

import java.util.Optional;

/** @param query the dropped view's query when the file gives it, so the drop can be inverted; or null */
public record DropView(Source at, String name, boolean materialized, boolean ifExists, String query, boolean withData)
        implements Operation {
    @Override
    public String kind() {
        return "drop_view";
    }

    @Override
    public Optional<Operation> inverse() {
        return query == null ? Optional.empty() : Optional.of(new CreateView(at, name, query, materialized, withData, false));
    }
}
