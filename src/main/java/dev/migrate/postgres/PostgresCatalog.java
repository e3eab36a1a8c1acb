package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.inspect.InspectOptions;

/**
 * The catalog queries of a PostgreSQL inspection. Each returns the rows of every inspected
 * table at once (correlated subqueries stay inside the one statement), so their number is the
 * same for one table or ten thousand. Every value is cast to text, the form {@code Database.query}
 * returns, and lists come back as text arrays ({@link PgArray}).
 *
 * <p>Left out everywhere: schemas not in {@code include_schemas}, TimescaleDB's internal schemas,
 * objects that belong to an extension (a {@code pg_depend} 'e' row: they come and go with
 * {@code create_extension}), partitions (their parent is the table), and the tool's own tables.
 */
final class PostgresCatalog {
    private final InspectOptions options;

    PostgresCatalog(InspectOptions options) {
        this.options = options;
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private String schemaList() {
        List<String> out = new ArrayList<>();
        for (String s : options.schemas()) out.add(literal(s));
        return out.isEmpty() ? "NULL" : String.join(", ", out);
    }

    /** The namespace condition shared by every query; {@code n} is the pg_namespace alias. */
    private String inSchemas(String n) {
        return n + ".nspname IN (" + schemaList() + ") AND " + n + ".nspname !~ '^_timescaledb_' AND " + n
                + ".nspname NOT IN ('timescaledb_information', 'timescaledb_experimental')";
    }

    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = '" + catalog + "'::regclass"
                + " AND x.objid = " + oid + " AND x.deptype = 'e')";
    }

    /** The tables inspected: {@code c} a pg_class row, {@code n} its namespace. */
    private String userTable(String c, String n) {
        String own = options.ownTables().isEmpty() ? "" : " AND NOT (" + n + ".nspname = "
                + (options.ownSchema() == null ? "current_schema()" : literal(options.ownSchema())) + " AND " + c
                + ".relname IN (" + String.join(", ", options.ownTables().stream().map(PostgresCatalog::literal).toList())
                + "))";
        return c + ".relkind IN ('r', 'p') AND NOT " + c + ".relispartition AND " + inSchemas(n) + " AND "
                + notInExtension("pg_catalog.pg_class", c + ".oid") + own;
    }

    /** One row: the session's current schema, whose objects are written without a schema. */
    String session() {
        return "SELECT current_schema()";
    }

    /** name, schema, version of every installed extension but plpgsql, which every database has. */
    String extensions() {
        return "SELECT e.extname, n.nspname, e.extversion FROM pg_catalog.pg_extension e"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1";
    }

    /** schema, name, values in order, of every enum type. */
    String enums() {
        return "SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
                + " WHERE t.typtype = 'e' AND " + inSchemas("n") + " AND " + notInExtension("pg_catalog.pg_type", "t.oid")
                + " GROUP BY n.nspname, t.typname ORDER BY 1, 2";
    }

    /** oid, schema, name, comment of every table. */
    String tables() {
        return "SELECT c.oid::text, n.nspname, c.relname, d.description"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid"
                + " AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0"
                + " WHERE " + userTable("c", "n") + " ORDER BY 2, 3";
    }

    /**
     * table oid, name, formatted type, the type's kind, schema and name, its element's kind, schema
     * and name (for arrays), NOT NULL, default, identity, generated, comment, and whether the
     * default draws from a sequence the column owns (a serial column).
     */
    String columns() {
        return "SELECT a.attrelid::text, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                + " t.typtype::text, tn.nspname, t.typname, et.typtype::text, etn.nspname, et.typname,"
                + " a.attnotnull::text, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity::text,"
                + " a.attgenerated::text, pg_catalog.col_description(a.attrelid, a.attnum),"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_depend s JOIN pg_catalog.pg_class sc ON sc.oid = s.objid"
                + " WHERE s.classid = 'pg_catalog.pg_class'::regclass AND s.refclassid = 'pg_catalog.pg_class'::regclass"
                + " AND s.refobjid = a.attrelid AND s.refobjsubid = a.attnum AND s.deptype = 'a' AND sc.relkind = 'S')::text"
                + " FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
                + " LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
                + " LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
                + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + userTable("c", "n")
                + " ORDER BY a.attrelid, a.attnum";
    }

    private static String attributeNames(String keys, String table) {
        return "ARRAY(SELECT a.attname FROM unnest(" + keys + ") WITH ORDINALITY k(num, ord)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = " + table + " AND a.attnum = k.num ORDER BY k.ord)::text";
    }

    /**
     * table oid, name, type (p, u, f, c, x), columns, referred schema, table and columns, on delete,
     * on update, deferrable, initially deferred, and the definition (of checks and exclusions, the
     * only ones that need it: printing it costs more than reading everything else).
     */
    String constraints() {
        return "SELECT co.conrelid::text, co.conname, co.contype::text, " + attributeNames("co.conkey", "co.conrelid")
                + ", fn.nspname, fc.relname, " + attributeNames("co.confkey", "co.confrelid")
                + ", co.confdeltype::text, co.confupdtype::text, co.condeferrable::text, co.condeferred::text,"
                + " CASE WHEN co.contype IN ('c', 'x') THEN pg_catalog.pg_get_constraintdef(co.oid) END"
                + " FROM pg_catalog.pg_constraint co"
                + " JOIN pg_catalog.pg_class c ON c.oid = co.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid"
                + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE co.contype IN ('p', 'u', 'f', 'c', 'x') AND " + userTable("c", "n")
                + " ORDER BY 1, 2";
    }

    /**
     * table oid, index name, unique, method, number of key columns, every column's name (null for an
     * expression) and definition, the key columns' sort options and whether their operator class is
     * the default, and the predicate. Indexes that carry a constraint are the constraint's.
     */
    String indexes() {
        return "SELECT i.indrelid::text, ic.relname, i.indisunique::text, am.amname, i.indnkeyatts::text,"
                + " ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)"
                + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num > 0"
                + " ORDER BY k.ord)::text,"
                + " ARRAY(SELECT CASE WHEN k.num = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true)"
                + " ELSE quote_ident(a.attname) END FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)"
                + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num > 0"
                + " ORDER BY k.ord)::text,"
                + " i.indoption::text,"
                + " ARRAY(SELECT oc.opcdefault FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(cls, ord)"
                + " JOIN pg_catalog.pg_opclass oc ON oc.oid = k.cls ORDER BY k.ord)::text,"
                + " pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)"
                + " FROM pg_catalog.pg_index i"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
                + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + userTable("c", "n")
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co WHERE co.conindid = i.indexrelid"
                + " AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x'))"
                + " ORDER BY 1, 2";
    }

    /** schema, name, kind (v or m), query of every view and materialized view. */
    String views() {
        return "SELECT n.nspname, c.relname, c.relkind::text, pg_catalog.pg_get_viewdef(c.oid, true)"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('v', 'm') AND " + inSchemas("n") + " AND "
                + notInExtension("pg_catalog.pg_class", "c.oid") + " ORDER BY 1, 2";
    }
}
