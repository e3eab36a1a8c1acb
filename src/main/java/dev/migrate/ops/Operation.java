package dev.migrate.ops;

import java.util.Optional;

/**
 * One step of a YAML revision, as plain immutable data: the SQL that carries it out is written
 * per dialect ({@code Dialect.render}), so the same operation can be run, printed as offline SQL,
 * inverted or produced by autogenerate.
 */
public sealed interface Operation permits CreateTable, DropTable, RenameTable, CreateTableComment, AddColumn,
        DropColumn, AlterColumn, RenameColumn, CreatePrimaryKey, CreateUniqueConstraint, CreateForeignKey,
        CreateCheckConstraint, DropConstraint, CreateIndex, DropIndex, Execute, BulkInsert, EnumOperation,
        CreateExtension, DropExtension, CreateView, DropView, TimescaleOperation, OnlyOn, ValidateConstraint {

    /** Where the operation was written. */
    Source at();

    /** The operation's name in a revision file ({@code add_column}). */
    String kind();

    /** The operation that undoes this one, or empty when it cannot be derived from this one alone. */
    Optional<Operation> inverse();

    default int line() {
        return at().line();
    }

    default String origin() {
        return at().origin();
    }
}
