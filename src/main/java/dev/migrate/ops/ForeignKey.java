package dev.migrate.ops;

import java.util.List;

/**
 * A foreign key from {@code columns} to {@code refColumns} of {@code refTable}.
 *
 * @param onDelete          a referential action as SQL ({@code CASCADE}, {@code SET NULL}, ...), or null
 * @param onUpdate          the same for updates, or null
 * @param deferrable        whether the check may be deferred to commit
 * @param initiallyDeferred whether it is deferred unless the transaction says otherwise
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                         String onDelete, String onUpdate, boolean deferrable, boolean initiallyDeferred)
        implements TableConstraint {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }

    @Override
    public String type() {
        return "foreign_key";
    }
}
