package dev.migrate.ops;

/**
 * A column definition.
 *
 * @param serverDefault the default the database fills in, or null
 * @param references    an inline foreign key ({@code references: table.column}), or null; its
 *                      {@code columns} is this column
 */
public record Column(String name, ColumnType type, boolean nullable, ServerDefault serverDefault,
                     boolean primaryKey, boolean unique, String comment, ForeignKey references) {
}
