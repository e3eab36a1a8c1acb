package dev.migrate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.support.CliTest;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class PostgresCatalogRoundTripTest extends CatalogRoundTripScenarios {
    private static final String OWN = "('alembic_version', 'migrate_history')";

    @Override
    protected TestDatabase newDatabase() {
        return new PostgresTestDatabase();
    }

    /** The public schema from pg_catalog and information_schema, by name rather than by oid. */
    @Override
    protected Map<String, List<List<String>>> catalog() {
        Map<String, List<List<String>>> out = new TreeMap<>();
        out.put("relations", db.query("SELECT c.relname, c.relkind, obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
                + " AND c.relname NOT IN " + OWN + " AND c.relname NOT LIKE 'migrate_history%' ORDER BY 1"));
        out.put("columns", db.query("SELECT c.table_name, c.column_name, c.ordinal_position::text, c.data_type, c.udt_name,"
                + " c.character_maximum_length::text, c.numeric_precision::text, c.is_nullable, c.column_default, c.is_identity,"
                + " c.identity_generation, col_description(format('%I.%I', c.table_schema, c.table_name)::regclass,"
                + " c.ordinal_position::int) FROM information_schema.columns c WHERE c.table_schema = 'public'"
                + " AND c.table_name NOT IN " + OWN + " ORDER BY 1, 3"));
        out.put("constraints", db.query("SELECT r.relname, k.conname, k.contype::text, pg_get_constraintdef(k.oid) FROM"
                + " pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE n.nspname = 'public' AND r.relname NOT IN " + OWN + " ORDER BY 1, 2"));
        out.put("indexes", db.query("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename NOT IN " + OWN + " ORDER BY 1, 2"));
        out.put("enums", db.query("SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
                + " JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1"));
        out.put("views", db.query("SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'"
                + " UNION ALL SELECT matviewname, definition FROM pg_matviews WHERE schemaname = 'public' ORDER BY 1"));
        out.put("extensions", db.query("SELECT extname, extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1"));
        out.put("types", db.query("SELECT t.typname, t.typtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c"
                + " WHERE c.reltype = t.oid) ORDER BY 1"));
        return out;
    }
}
