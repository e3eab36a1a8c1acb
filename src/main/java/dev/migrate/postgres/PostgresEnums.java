package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.RenameEnumValue;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.sql.Statement;

/** The SQL of PostgreSQL enum types: the enum operations, and the types enum columns create and leave behind. */
final class PostgresEnums {
    private final PostgresDialect dialect;

    PostgresEnums(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    List<Statement> render(EnumOperation op) {
        String type = dialect.table(op.qualifiedName());
        if (op instanceof CreateEnum o) return List.of(new Statement(createType(type, o.values()), op.line()));
        if (op instanceof DropEnum o) {
            return List.of(new Statement("DROP TYPE " + (o.ifExists() ? "IF EXISTS " : "") + type, op.line()));
        }
        if (op instanceof AddEnumValue o) {
            String sql = "ALTER TYPE " + type + " ADD VALUE " + (o.ifNotExists() ? "IF NOT EXISTS " : "")
                    + dialect.literal(o.value());
            if (o.before() != null) sql += " BEFORE " + dialect.literal(o.before());
            if (o.after() != null) sql += " AFTER " + dialect.literal(o.after());
            return List.of(new Statement(sql, op.line()));
        }
        if (op instanceof RenameEnumValue o) {
            return List.of(new Statement("ALTER TYPE " + type + " RENAME VALUE " + dialect.literal(o.value()) + " TO "
                    + dialect.literal(o.newValue()), op.line()));
        }
        ReplaceEnumValues o = (ReplaceEnumValues) op;
        return new EnumReplacement(dialect, o, type, createType(type, o.values())).statements();
    }

    String createType(String type, List<String> values) {
        List<String> literals = new ArrayList<>();
        for (String v : values) literals.add(dialect.literal(v));
        return "CREATE TYPE " + type + " AS ENUM (" + String.join(", ", literals) + ")";
    }

    /**
     * Before a column that gives its enum's values: creates the type unless it exists, so the
     * columns of several tables share one type.
     */
    Statement ensureType(String qualifiedName, List<String> values, int line) {
        String type = dialect.table(qualifiedName);
        return new Statement(DoBlock.of("BEGIN\n    IF to_regtype(" + dialect.literal(type) + ") IS NULL THEN\n        "
                + createType(type, values) + ";\n    END IF;\nEND"), line);
    }

    /** After a table or column that gave its enum's values is dropped: drops the type unless something still uses it. */
    Statement dropIfUnused(String qualifiedName, int line) {
        return new Statement(DoBlock.of("BEGIN\n    DROP TYPE IF EXISTS " + dialect.table(qualifiedName) + ";\n"
                + "EXCEPTION WHEN dependent_objects_still_exist THEN\n    NULL;\nEND"), line);
    }
}
