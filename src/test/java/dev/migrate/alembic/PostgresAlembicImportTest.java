package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class PostgresAlembicImportTest extends AlembicImportScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    private static final String PUBLIC = "(SELECT oid FROM pg_namespace WHERE nspname = 'public')";
    private static final String OURS = " NOT IN ('alembic_version', 'alembic_version_pkc', 'migrate_history', 'migrate_history_id_seq',"
            + " 'migrate_history_pkey', 'migrate_history_direction_check')";

    /** Relations, columns with types, defaults and identity, constraints, indexes, enums and comments; without the tools' own tables. */
    @Override
    protected List<String> catalog(TestDatabase database) {
        List<String> out = new ArrayList<>();
        for (String sql : List.of(
                "SELECT relname, relkind FROM pg_class WHERE relnamespace = " + PUBLIC + " AND relname" + OURS + " ORDER BY 1",
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,"
                        + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE c.relnamespace = " + PUBLIC
                        + " AND c.relname" + OURS + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2",
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
                        + PUBLIC + " AND conname" + OURS + " ORDER BY 1, 2",
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname" + OURS + " ORDER BY 1, 2",
                "SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
                        + " JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1",
                "SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid"
                        + " WHERE c.relnamespace = " + PUBLIC + " ORDER BY 1, 2")) {
            out.add("--");
            for (List<String> row : database.query(sql)) out.add(String.join(" | ", row.stream().map(String::valueOf).toList()));
        }
        return out;
    }
}
