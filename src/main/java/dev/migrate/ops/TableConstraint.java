package dev.migrate.ops;

/** A constraint declared on a table; a null name lets the database choose one. */
public sealed interface TableConstraint permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint {
    String name();

    /** The {@code type} value of {@code drop_constraint}: primary_key, unique, foreign_key or check. */
    String type();
}
