package dev.migrate.postgres;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.sql.Statement;

/**
 * The SQL of {@code replace_enum_values}. PostgreSQL cannot remove a value from a type, so the
 * usual recipe: rename the type to NAME_old, create NAME with the new values, convert every column
 * of NAME_old and drop it. What uses the type is found in the catalog at run time, since the file
 * cannot know it: column defaults, and the indexes and check constraints whose predicate or
 * expression holds a constant of the type (PostgreSQL would parse them again against NAME_old
 * and fail with "operator does not exist"), are dropped before the rename and created again
 * from their definitions after, so that they name the new type (an index of a partitioned table
 * without its ONLY, so that the partitions get theirs again). So are the foreign keys between
 * columns of the type (a lookup table keyed by it), which PostgreSQL cannot keep while one side
 * is converted and the other is still NAME_old: dropped first, created again last. Views, rules,
 * triggers, policies, functions and domains that use the type or its columns are refused up
 * front, naming them: they cannot be recreated faithfully from here. So are generated columns
 * that use it and partition keys of it, whose type PostgreSQL cannot change (dropping a
 * generation expression cannot be undone).
 */
final class EnumReplacement {
    /** The columns of every table that use a type or an array of it, inherited ones included. */
    private static final String ALL_COLUMNS_OF = """
                    FROM pg_type t
                    JOIN pg_attribute a ON a.atttypid IN (t.oid, t.typarray)
                    JOIN pg_class c ON c.oid = a.attrelid%s
                    WHERE t.oid = %s::regtype AND a.attnum > 0 AND NOT a.attisdropped
                        AND c.relkind IN ('r', 'p')%s""";

    /**
     * Joined to the columns, keeps those of a partition key, plain or in an expression: PostgreSQL
     * makes each such column depend internally on its own table, and nothing else does.
     */
    private static final String PARTITION_KEYS = """

            JOIN pg_depend k ON k.classid = 'pg_class'::regclass AND k.objid = a.attrelid AND k.objsubid = a.attnum
                AND k.refclassid = 'pg_class'::regclass AND k.refobjid = a.attrelid AND k.refobjsubid = 0 AND k.deptype = 'i'""";

    private final PostgresDialect dialect;
    private final ReplaceEnumValues op;
    private final String type;
    private final String createType;

    /** {@code type} is the quoted name; {@code createType} the statement that creates it with the new values. */
    EnumReplacement(PostgresDialect dialect, ReplaceEnumValues op, String type, String createType) {
        this.dialect = dialect;
        this.op = op;
        this.type = type;
        this.createType = createType;
    }

    /** The check that refuses the change, then the change in one block (one statement, so never half done). */
    List<Statement> statements() {
        return List.of(new Statement(refusals(), op.line()), new Statement(replacement(), op.line()));
    }

    private String message() {
        return DoBlock.raiseText(op.origin() + ":" + op.line() + ": replace_enum_values cannot change enum " + type + ": ");
    }

    private String refusals() {
        List<String> literals = new ArrayList<>();
        for (String v : op.values()) literals.add(dialect.literal(v));
        String kept = "ARRAY[" + String.join(", ", literals) + "]::text[]";
        String typeOid = dialect.literal(type) + "::regtype";
        return DoBlock.of("""
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
                        JOIN pg_type t ON t.oid = %s
                        LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                        LEFT JOIN pg_class k ON d.classid = 'pg_class'::regclass AND k.oid = d.objid
                        WHERE d.deptype = 'n' AND (
                            d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                                AND d.classid NOT IN ('pg_attrdef'::regclass, 'pg_constraint'::regclass)
                                AND coalesce(k.relkind NOT IN ('r', 'p', 'i', 'I'), true)
                            OR d.refclassid = 'pg_class'::regclass
                                AND d.classid IN ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass)
                                AND (d.refobjid, d.refobjsubid) IN (SELECT a.attrelid, a.attnum
                %s));
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION '%sit is used by %%; drop those first and create them again after', users;
                    END IF;
                    SELECT string_agg(DISTINCT format('%%s.%%I', a.attrelid::regclass, a.attname), ', ')
                        INTO users
                        FROM pg_attribute a
                        JOIN pg_attrdef g ON g.adrelid = a.attrelid AND g.adnum = a.attnum
                        JOIN pg_type t ON t.oid = %s
                        WHERE a.attgenerated <> '' AND NOT a.attisdropped AND (a.atttypid IN (t.oid, t.typarray)
                            OR EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_attrdef'::regclass AND d.objid = g.oid
                                AND (d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                                    OR d.refclassid = 'pg_class'::regclass AND (d.refobjid, d.refobjsubid) IN (SELECT a.attrelid, a.attnum
                %s))));
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION '%sgenerated columns %% use it, which PostgreSQL cannot convert; drop them first and add them again after', users;
                    END IF;
                    SELECT string_agg(DISTINCT format('%%s.%%I', a.attrelid::regclass, a.attname), ', ')
                        INTO users
                %s;
                    IF users IS NOT NULL THEN
                        RAISE EXCEPTION '%scolumns %% partition their tables, and PostgreSQL cannot change the type of a partition key; create those tables again with another key and copy their rows first', users;
                    END IF;
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
                END""".formatted(typeOid, columnsOf(type, "", false, false).indent(28).stripTrailing(), message(),
                typeOid, columnsOf(type, "", false, false).indent(32).stripTrailing(), message(),
                columnsOf(type, PARTITION_KEYS, false, false).indent(8).stripTrailing(), message(),
                columnsOf(type, "", true, true).indent(8).stripTrailing(), kept, kept, message()));
    }

    private String replacement() {
        String oldName = op.name() + "_old";
        String oldType = dialect.table(op.schema() == null ? oldName : op.schema() + "." + oldName);
        String newType = dialect.literal(type);
        String typeOid = newType + "::regtype";
        return DoBlock.of("""
                DECLARE
                    col record;
                    dep record;
                    restore text[] := '{}';
                    restored text[] := '{}';
                BEGIN
                    FOR dep IN
                        SELECT format('index %%s', i.oid::regclass) AS what, format('DROP INDEX %%s', i.oid::regclass) AS drop_it,
                            regexp_replace(pg_get_indexdef(i.oid), '^(CREATE (UNIQUE )?INDEX ("([^"]|"")*"|\\S+) ON) ONLY ', '\\1 ')
                                AS create_it,
                            format('COMMENT ON INDEX %%s IS %%L', i.oid::regclass, obj_description(i.oid, 'pg_class')) AS note,
                            obj_description(i.oid, 'pg_class') IS NOT NULL AS noted, false AS is_key
                        FROM pg_depend d
                        JOIN pg_type t ON t.oid = %s
                        JOIN pg_class i ON d.classid = 'pg_class'::regclass AND i.oid = d.objid
                        WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                            AND i.relkind IN ('i', 'I') AND NOT i.relispartition
                            AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.oid)
                        UNION
                        SELECT format('constraint %%I on table %%s', k.conname, k.conrelid::regclass),
                            format('ALTER TABLE %%s DROP CONSTRAINT %%I', k.conrelid::regclass, k.conname),
                            format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)),
                            format('COMMENT ON CONSTRAINT %%I ON %%s IS %%L', k.conname, k.conrelid::regclass,
                                obj_description(k.oid, 'pg_constraint')),
                            obj_description(k.oid, 'pg_constraint') IS NOT NULL, k.contype = 'f'
                        FROM pg_constraint k
                        JOIN pg_type t ON t.oid = %s
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
                %s
                    LOOP
                        EXECUTE format('ALTER TABLE ONLY %%s ALTER COLUMN %%I DROP DEFAULT', col.tbl, col.name);
                        restore := restore || format('ALTER TABLE ONLY %%s ALTER COLUMN %%I SET DEFAULT %%s', col.tbl, col.name, col.dflt);
                        restored := restored || format('the default of column %%I of table %%s', col.name, col.tbl);
                    END LOOP;
                    ALTER TYPE %s RENAME TO %s;
                    %s;
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname AS name, a.atttypid <> t.oid AS is_array
                %s
                    LOOP
                        IF col.is_array THEN
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s[] USING %%I::text[]::%%s[]',
                                col.tbl, col.name, %s, col.name, %s);
                        ELSE
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s USING %%I::text::%%s',
                                col.tbl, col.name, %s, col.name, %s);
                        END IF;
                    END LOOP;
                    FOR i IN REVERSE cardinality(restore) .. 1 LOOP
                        BEGIN
                            EXECUTE restore[i];
                        EXCEPTION WHEN OTHERS THEN
                            RAISE EXCEPTION '%s%% cannot be created again with the new values: %%', restored[i], SQLERRM;
                        END;
                    END LOOP;
                    DROP TYPE %s;
                END""".formatted(typeOid, typeOid,
                columnsOf(type, "\nJOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.attgenerated = ''", false, true)
                        .indent(8).stripTrailing(),
                type, dialect.quote(oldName), createType,
                columnsOf(oldType, "", true, true).indent(8).stripTrailing(),
                newType, newType, newType, newType, message(), oldType));
    }

    /**
     * The columns of tables that use the type; with {@code own}, those inherited left out (altering
     * the parent converts them).
     */
    private String columnsOf(String type, String join, boolean own, boolean ordered) {
        return ALL_COLUMNS_OF.formatted(join, dialect.literal(type), own ? " AND a.attinhcount = 0" : "")
                + (ordered ? "\nORDER BY c.oid, a.attnum" : "");
    }
}
