package dev.migrate.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.EnumOperation;
import dev.migrate.ops.RenameEnumValue;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.script.Statement;

/** The SQL of PostgreSQL enum types: the enum operations, and the types enum columns create and leave behind. */
final class PostgresEnums {
    /**
     * The columns of every table that use a type or an array of it. Inherited columns (partitions,
     * inheritance children) are left out: altering the parent's column converts them.
     */
    private static final String COLUMNS_OF = """
                    FROM pg_type t
                    JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                    JOIN pg_class c ON c.oid = a.attrelid%s
                    WHERE t.oid = %s::regtype AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount = 0
                        AND c.relkind IN ('r', 'p')
                    ORDER BY c.oid, a.attnum""".indent(8).stripTrailing();

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
        return replace((ReplaceEnumValues) op, type);
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

    /**
     * The usual recipe, since PostgreSQL cannot remove a value from a type: refuse when a row
     * holds a removed value, rename the type to NAME_old, create NAME with the new values, convert
     * every column of NAME_old (found in the catalog at run time: the file cannot know them) with
     * its default, and drop NAME_old.
     */
    private List<Statement> replace(ReplaceEnumValues op, String type) {
        String oldType = dialect.table(op.schema() == null ? op.name() + "_old" : op.schema() + "." + op.name() + "_old");
        List<Statement> out = new ArrayList<>();
        out.add(new Statement(refuseRemovedValues(op, type), op.line()));
        out.add(new Statement("ALTER TYPE " + type + " RENAME TO " + dialect.quote(op.name() + "_old"), op.line()));
        out.add(new Statement(createType(type, op.values()), op.line()));
        out.add(new Statement(convertColumns(oldType, type), op.line()));
        out.add(new Statement("DROP TYPE " + oldType, op.line()));
        return out;
    }

    private String refuseRemovedValues(ReplaceEnumValues op, String type) {
        List<String> literals = new ArrayList<>();
        for (String v : op.values()) literals.add(dialect.literal(v));
        String kept = "ARRAY[" + String.join(", ", literals) + "]::text[]";
        String message = DoBlock.raiseText(op.origin() + ":" + op.line() + ": replace_enum_values cannot change enum "
                + type + ": ");
        return DoBlock.of("""
                DECLARE
                    col record;
                    found bigint;
                    removed text;
                BEGIN
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, a.atttypid <> t.oid AS is_array
                %s
                    LOOP
                        IF col.is_array THEN
                            EXECUTE format('SELECT count(DISTINCT (t.tableoid, t.ctid)), string_agg(DISTINCT v, '', '') FROM %%s t, unnest(t.%%I::text[]) v WHERE v <> ALL (%%L::text[])',
                                col.tbl, col.name, %s) INTO found, removed;
                        ELSE
                            EXECUTE format('SELECT count(*), string_agg(DISTINCT t.%%I::text, '', '') FROM %%s t WHERE t.%%I::text <> ALL (%%L::text[])',
                                col.name, col.tbl, col.name, %s) INTO found, removed;
                        END IF;
                        IF found > 0 THEN
                            RAISE EXCEPTION '%s%% row(s) of table %% hold values it removes (%% in column %%); update or delete those rows first',
                                found, col.tbl, removed, col.name;
                        END IF;
                    END LOOP;
                END""".formatted(columnsOf(type, ""), kept, kept, message));
    }

    private String convertColumns(String oldType, String type) {
        String newType = dialect.literal(type);
        return DoBlock.of("""
                DECLARE
                    col record;
                BEGIN
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, a.atttypid <> t.oid AS is_array,
                            pg_get_expr(d.adbin, d.adrelid) AS dflt
                %s
                    LOOP
                        IF col.dflt IS NOT NULL THEN
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I DROP DEFAULT', col.tbl, col.name);
                        END IF;
                        IF col.is_array THEN
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s[] USING %%I::text[]::%%s[]',
                                col.tbl, col.name, %s, col.name, %s);
                        ELSE
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s USING %%I::text::%%s',
                                col.tbl, col.name, %s, col.name, %s);
                        END IF;
                        IF col.dflt IS NOT NULL THEN
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I SET DEFAULT %%s', col.tbl, col.name,
                                replace(col.dflt, %s::regtype::text, %s::regtype::text));
                        END IF;
                    END LOOP;
                END""".formatted(columnsOf(oldType,
                "\n        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"),
                newType, newType, newType, newType, dialect.literal(oldType), newType));
    }

    private String columnsOf(String type, String join) {
        return COLUMNS_OF.formatted(join, dialect.literal(type));
    }
}
