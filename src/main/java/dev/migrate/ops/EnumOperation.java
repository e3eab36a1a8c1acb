package dev.migrate.ops;

/**
 * An operation on a PostgreSQL enum type. On SQLite an enum is a VARCHAR column with a CHECK
 * constraint, so the values live in the columns, not in a type.
 */
public sealed interface EnumOperation extends Operation
        permits CreateEnum, DropEnum, AddEnumValue, RenameEnumValue, ReplaceEnumValues {
    /** The type's name, without its schema. */
    String name();

    /** The type's schema, or null for the session's current schema. */
    String schema();

    /** {@code schema.name}, or the bare name: the form dialects quote part by part. */
    default String qualifiedName() {
        return schema() == null ? name() : schema() + "." + name();
    }
}
