package dev.migrate.ops;

import java.util.Optional;

/**
 * Changes one column. Each attribute left null is not changed. The {@code existing*} fields say
 * what the column was before; they are what makes the change invertible, so an attribute that
 * changes without its {@code existing_*} counterpart leaves the operation without an inverse
 * (nullability is the exception: its old value is the opposite of the new one).
 *
 * @param using         the conversion expression for a type change ({@code USING}), or null
 * @param serverDefault the new default; a {@code Change} of null drops it
 * @param comment       the new comment; a {@code Change} of null removes it
 * @param newName       the column's new name, or null
 */
public record AlterColumn(Source at, String table, String column, ColumnType type, String using, Boolean nullable,
                          Change<ServerDefault> serverDefault, Change<String> comment, String newName,
                          ColumnType existingType, Change<ServerDefault> existingServerDefault,
                          Change<String> existingComment) implements Operation {
    @Override
    public String kind() {
        return "alter_column";
    }

    @Override
    public Optional<Operation> inverse() {
        if (type != null && existingType == null) return Optional.empty();
        if (serverDefault != null && existingServerDefault == null) return Optional.empty();
        if (comment != null && existingComment == null) return Optional.empty();
        if (using != null) return Optional.empty();
        return Optional.of(new AlterColumn(at, table, newName != null ? newName : column,
                type != null ? existingType : null, null,
                nullable != null ? !nullable : null,
                serverDefault != null ? existingServerDefault : null,
                comment != null ? existingComment : null,
                newName != null ? column : null,
                type, serverDefault, comment));
    }
}
