package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.Operation;
import dev.migrate.revision.YamlBody;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.YamlReader;

/** The exact PostgreSQL SQL of the enum, extension and view operations. */
class PostgresObjectsSqlTest {
    private static List<Statement> statements(List<Operation> operations) {
        List<Statement> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(PostgresDialect.INSTANCE.render(op));
        return out;
    }

    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    static List<String> sql(String yaml) {
        return statements(parse(yaml)).stream().map(Statement::sql).toList();
    }

    private static List<String> downSql(String yaml) {
        return statements(YamlBody.invert(parse(yaml))).stream().map(Statement::sql).toList();
    }

    @Test
    void enumTypeOperations() {
        assertEquals(List.of("CREATE TYPE mood AS ENUM ('happy', 'it''s')", "CREATE TYPE app.mood AS ENUM ('a')",
                "DROP TYPE mood", "DROP TYPE IF EXISTS app.\"Mood\"",
                "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'happy'", "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'",
                "ALTER TYPE mood ADD VALUE 'last'", "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'"), sql("""
                - create_enum: {name: mood, values: [happy, "it's"]}
                - create_enum: {name: mood, schema: app, values: [a]}
                - drop_enum: {name: mood}
                - drop_enum: {name: Mood, schema: app, if_exists: true}
                - add_enum_value: {name: mood, value: ok, after: happy, if_not_exists: true}
                - add_enum_value: {name: mood, value: ok, before: happy}
                - add_enum_value: {name: mood, value: last}
                - rename_enum_value: {name: mood, value: sad, new_value: unhappy}
                """));
    }

    @Test
    void replaceEnumValuesChecksThenReplacesTheTypeAndWhatUsesItInOneBlock() {
        List<String> sql = sql("- replace_enum_values: {name: mood, values: [happy, ok]}");
        assertEquals(2, sql.size());
        assertEquals("""
                DO $migrate$
                DECLARE
                    col record;
                    found bigint;
                    removed text;
                    users text;
                BEGIN
                    SELECT string_agg(DISTINCT CASE WHEN r.rulename = '_RETURN' THEN pg_describe_object('pg_class'::regclass, r.ev_class, 0)
                            ELSE pg_describe_object(d.classid, d.objid, 0) END, ', ')
                        INTO users
                        FROM pg_depend d
                        JOIN pg_type t ON t.oid = 'mood'::regtype
                        LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                        LEFT JOIN pg_class k ON d.classid = 'pg_class'::regclass AND k.oid = d.objid
                        WHERE d.deptype = 'n' AND (
                            d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                                AND d.classid NOT IN ('pg_attrdef'::regclass, 'pg_constraint'::regclass)
                                AND coalesce(k.relkind NOT IN ('r', 'p', 'i', 'I'), true)
                            OR d.refclassid = 'pg_class'::regclass
                                AND d.classid IN ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass)
                                AND (d.refobjid, d.refobjsubid) IN (SELECT a.attrelid, a.attnum
                                            FROM pg_type t
                                            JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                                            JOIN pg_class c ON c.oid = a.attrelid
                                            WHERE t.oid = 'mood'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                                                AND c.relkind IN ('r', 'p')));
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: it is used by %; drop those first and create them again after', users;
                    END IF;
                    SELECT string_agg(DISTINCT format('%s.%I', a.attrelid::regclass, a.attname), ', ')
                        INTO users
                        FROM pg_attribute a
                        JOIN pg_attrdef g ON g.adrelid = a.attrelid AND g.adnum = a.attnum
                        JOIN pg_type t ON t.oid = 'mood'::regtype
                        WHERE a.attgenerated <> '' AND NOT a.attisdropped AND (a.atttypid IN (t.oid, t.typarray)
                            OR EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = g.oid
                                AND (d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                                    OR d.refclassid = 'pg_class'::regclass AND (d.refobjid, d.refobjsubid) IN (SELECT a.attrelid, a.attnum
                                                FROM pg_type t
                                                JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                                                JOIN pg_class c ON c.oid = a.attrelid
                                                WHERE t.oid = 'mood'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                                                    AND c.relkind IN ('r', 'p')))));
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: generated columns % use it, which PostgreSQL cannot convert; drop them first and add them again after', users;
                    END IF;
                    SELECT string_agg(DISTINCT format('%s.%I', a.attrelid::regclass, a.attname), ', ')
                        INTO users
                        FROM pg_type t
                        JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                        JOIN pg_class c ON c.oid = a.attrelid
                        JOIN pg_depend k ON k.classid = 'pg_class'::regclass AND k.objid = a.attrelid AND k.objsubid = a.attnum
                            AND k.refclassid = 'pg_class'::regclass AND k.refobjid = a.attrelid AND k.refobjsubid = 0 AND k.deptype = 'i'
                        WHERE t.oid = 'mood'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                            AND c.relkind IN ('r', 'p');
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: columns % partition their tables, and PostgreSQL cannot change the type of a partition key; create those tables again with another key and copy their rows first', users;
                    END IF;
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, a.atttypid <> t.oid AS is_array
                        FROM pg_type t
                        JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                        JOIN pg_class c ON c.oid = a.attrelid
                        WHERE t.oid = 'mood'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                            AND c.relkind IN ('r', 'p') AND a.attinhcount = 0
                        ORDER BY c.oid, a.attnum
                    LOOP
                        IF col.is_array THEN
                            EXECUTE format('SELECT count(DISTINCT (t.tableoid, t.ctid)), string_agg(DISTINCT v, '', '') FROM %s t, unnest(t.%I::text[]) v WHERE v <> ALL (%L::text[])',
                                col.tbl, col.name, ARRAY['happy', 'ok']::text[]) INTO found, removed;
                        ELSE
                            EXECUTE format('SELECT count(*), string_agg(DISTINCT t.%I::text, '', '') FROM %s t WHERE t.%I::text <> ALL (%L::text[])',
                                col.name, col.tbl, col.name, ARRAY['happy', 'ok']::text[]) INTO found, removed;
                        END IF;
                        IF found > 0 THEN
                            RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: % row(s) of table % hold values it removes (% in column %); update or delete those rows first',
                                found, col.tbl, removed, col.name;
                        END IF;
                    END LOOP;
                END
                $migrate$""", sql.get(0));
        assertEquals("""
                DO $migrate$
                DECLARE
                    col record;
                    dep record;
                    restore text[] := '{}';
                    restored text[] := '{}';
                BEGIN
                    FOR dep IN
                        SELECT format('index %s', i.oid::regclass) AS what, format('DROP INDEX %s', i.oid::regclass) AS drop_it,
                            regexp_replace(pg_get_indexdef(i.oid), '^(CREATE (UNIQUE )?INDEX ("([^"]|"")*"|\\S+) ON) ONLY ', '\\1 ')
                                AS create_it,
                            format('COMMENT ON INDEX %s IS %L', i.oid::regclass, obj_description(i.oid, 'pg_class')) AS note,
                            obj_description(i.oid, 'pg_class') IS NOT NULL AS noted, false AS is_key
                        FROM pg_depend d
                        JOIN pg_type t ON t.oid = 'mood'::regtype
                        JOIN pg_class i ON d.classid = 'pg_class'::regclass AND i.oid = d.objid
                        WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                            AND i.relkind IN ('i', 'I') AND NOT i.relispartition
                            AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.oid)
                        UNION
                        SELECT format('constraint %I on table %s', k.conname, k.conrelid::regclass),
                            format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
                            format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)),
                            format('COMMENT ON CONSTRAINT %I ON %s IS %L', k.conname, k.conrelid::regclass,
                                obj_description(k.oid, 'pg_constraint')),
                            obj_description(k.oid, 'pg_constraint') IS NOT NULL, k.contype = 'f'
                        FROM pg_constraint k
                        JOIN pg_type t ON t.oid = 'mood'::regtype
                        WHERE k.conrelid <> 0 AND k.coninhcount = 0 AND CASE WHEN k.contype = 'f'
                            THEN k.conparentid = 0 AND EXISTS (SELECT FROM pg_attribute a WHERE a.atttypid IN (t.oid, t.typarray)
                                AND (a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                                    OR a.attrelid = k.confrelid AND a.attnum = ANY (k.confkey)))
                            ELSE EXISTS (SELECT FROM pg_depend d WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                                AND (d.classid = 'pg_constraint'::regclass AND d.objid = k.oid
                                    OR d.classid = 'pg_class'::regclass AND d.objid = k.conindid)) END
                        ORDER BY is_key DESC, 1
                    LOOP
                        EXECUTE dep.drop_it;
                        IF dep.noted THEN
                            restore := restore || dep.note;
                            restored := restored || dep.what;
                        END IF;
                        restore := restore || dep.create_it;
                        restored := restored || dep.what;
                    END LOOP;
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS dflt
                        FROM pg_type t
                        JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                        JOIN pg_class c ON c.oid = a.attrelid
                        JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.attgenerated = ''
                        WHERE t.oid = 'mood'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                            AND c.relkind IN ('r', 'p')
                        ORDER BY c.oid, a.attnum
                    LOOP
                        EXECUTE format('ALTER TABLE ONLY %s ALTER COLUMN %I DROP DEFAULT', col.tbl, col.name);
                        restore := restore || format('ALTER TABLE ONLY %s ALTER COLUMN %I SET DEFAULT %s', col.tbl, col.name, col.dflt);
                        restored := restored || format('the default of column %I of table %s', col.name, col.tbl);
                    END LOOP;
                    ALTER TYPE mood RENAME TO mood_old;
                    CREATE TYPE mood AS ENUM ('happy', 'ok');
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, a.atttypid <> t.oid AS is_array
                        FROM pg_type t
                        JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                        JOIN pg_class c ON c.oid = a.attrelid
                        WHERE t.oid = 'mood_old'::regtype AND a.attnum > 0 AND NOT a.attisdropped
                            AND c.relkind IN ('r', 'p') AND a.attinhcount = 0
                        ORDER BY c.oid, a.attnum
                    LOOP
                        IF col.is_array THEN
                            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s[] USING %I::text[]::%s[]',
                                col.tbl, col.name, 'mood', col.name, 'mood');
                        ELSE
                            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::text::%s',
                                col.tbl, col.name, 'mood', col.name, 'mood');
                        END IF;
                    END LOOP;
                    FOR i IN REVERSE cardinality(restore) .. 1 LOOP
                        BEGIN
                            EXECUTE restore[i];
                        EXCEPTION WHEN OTHERS THEN
                            RAISE EXCEPTION 'v1.yaml:1: replace_enum_values cannot change enum mood: % cannot be created again with the new values: %', restored[i], SQLERRM;
                        END;
                    END LOOP;
                    DROP TYPE mood_old;
                END
                $migrate$""", sql.get(1));
    }

    @Test
    void replaceEnumValuesInASchemaKeepsTheOldTypeThereAndEscapesTheMessage() {
        List<String> sql = statements(OperationParser.parse(YamlReader.read(
                "- replace_enum_values: {name: Mood, schema: app, values: [a]}", "100%_v1.yaml")))
                .stream().map(Statement::sql).toList();
        assertEquals(true, sql.get(1).contains("""
                    ALTER TYPE app."Mood" RENAME TO "Mood_old";
                    CREATE TYPE app."Mood" AS ENUM ('a');
                """), sql.get(1));
        assertEquals(true, sql.get(1).contains("    DROP TYPE app.\"Mood_old\";\n"), sql.get(1));
        assertEquals(true, sql.get(0).contains("RAISE EXCEPTION '100%%_v1.yaml:1: replace_enum_values cannot change"
                + " enum app.\"Mood\": % row(s)"), sql.get(0));
        assertEquals(true, sql.get(1).contains("WHERE t.oid = 'app.\"Mood_old\"'::regtype"), sql.get(1));
    }

    @Test
    void enumColumnsCreateTheirTypeWhenMissingAndDropItWhenUnused() {
        String create = """
                DO $migrate$
                BEGIN
                    IF to_regtype('mood') IS NULL THEN
                        CREATE TYPE mood AS ENUM ('happy', 'sad');
                    END IF;
                END
                $migrate$""";
        String yaml = """
                - create_table:
                    table: t
                    columns:
                      - {name: m, type: enum(mood), values: [happy, sad], server_default: happy}
                      - {name: n, type: enum(mood), values: [happy, sad]}
                      - {name: o, type: enum(other)}
                - add_column: {table: t, column: {name: x, type: enum(app.Kind), values: [a, bb]}}
                """;
        assertEquals(List.of(create, "CREATE TABLE t (\n    m mood DEFAULT 'happy',\n    n mood,\n    o other\n)", """
                DO $migrate$
                BEGIN
                    IF to_regtype('app."Kind"') IS NULL THEN
                        CREATE TYPE app."Kind" AS ENUM ('a', 'bb');
                    END IF;
                END
                $migrate$""", "ALTER TABLE t ADD COLUMN x app.\"Kind\""), sql(yaml));
        assertEquals(List.of("ALTER TABLE t DROP COLUMN x", """
                DO $migrate$
                BEGIN
                    DROP TYPE IF EXISTS app."Kind";
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    NULL;
                END
                $migrate$""", "DROP TABLE t", """
                DO $migrate$
                BEGIN
                    DROP TYPE IF EXISTS mood;
                EXCEPTION WHEN dependent_objects_still_exist THEN
                    NULL;
                END
                $migrate$"""), downSql(yaml));
        assertEquals(List.of("DROP TABLE t"), sql("- drop_table: {table: t, columns: [{name: o, type: enum(other)}]}"));
    }

    @Test
    void aDollarQuoteTagInsideABlockIsAvoided() {
        List<String> sql = sql("- create_table: {table: t, columns: [{name: m, type: enum(e), values: [a$migrate$b]}]}");
        assertEquals(true, sql.get(0).startsWith("DO $migrate_1$\n"), sql.get(0));
        assertEquals(true, sql.get(0).endsWith("\n$migrate_1$"), sql.get(0));
    }

    @Test
    void extensions() {
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA ext VERSION '1.1'",
                "CREATE EXTENSION citext", "DROP EXTENSION IF EXISTS citext CASCADE", "DROP EXTENSION pgcrypto"), sql("""
                - create_extension: {name: uuid-ossp, schema: ext, version: "1.1"}
                - create_extension: {name: citext, if_not_exists: false}
                - drop_extension: {name: citext, if_exists: true, cascade: true}
                - drop_extension: {name: pgcrypto}
                """));
    }

    @Test
    void viewsAndMaterializedViews() {
        assertEquals(List.of("CREATE VIEW v AS\nSELECT 1 AS one", "CREATE OR REPLACE VIEW v AS\nSELECT 2 AS two",
                "CREATE MATERIALIZED VIEW mv AS\nSELECT 1 AS one", "CREATE MATERIALIZED VIEW mv2 AS\nSELECT 1 AS one\nWITH NO DATA",
                "DROP MATERIALIZED VIEW IF EXISTS mv", "DROP VIEW \"Order\""), sql("""
                - create_view: {name: v, query: "SELECT 1 AS one;"}
                - create_view: {name: v, or_replace: true, query: SELECT 2 AS two}
                - create_view: {name: mv, materialized: true, query: SELECT 1 AS one}
                - create_view:
                    name: mv2
                    materialized: true
                    with_data: false
                    query: |
                      SELECT 1 AS one
                - drop_view: {name: mv, materialized: true, if_exists: true}
                - drop_view: {name: Order}
                """));
    }

    @Test
    void dialectRestrictedOperationsRunOnlyOnTheirDialect() {
        List<Statement> out = statements(parse("""
                - create_extension: {name: citext, dialect: postgresql}
                - create_view: {name: v, query: SELECT 1, dialect: sqlite}
                """));
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS citext"), out.stream().map(Statement::sql).toList());
        assertFalse(out.get(0).runsAlone());
    }
}
