package dev.migrate.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.engine.StatementFailed;
import dev.migrate.ops.Operation;
import dev.migrate.revision.YamlBody;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.sql.Statement;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.yaml.YamlReader;

/**
 * Enums (replace_enum_values with what uses the type too: partial indexes, checks, defaults,
 * views), extensions, views and the TimescaleDB guard, run for real on a throwaway PostgreSQL database.
 */
class PostgresObjectsDatabaseTest {
    /** A table for replace_enum_values: an enum column and an array of it, both with defaults. */
    private static final String POSTS = """
            - create_enum: {name: status, values: [draft, active, archived, spam]}
            - create_table:
                table: posts
                columns:
                  - {name: id, type: integer, primary_key: true}
                  - {name: status, type: enum(status), nullable: false, server_default: draft}
                  - {name: history, type: array(enum(status)), server_default: "{draft}"}
            """;
    private static final String REPLACE =
            "- replace_enum_values: {name: status, values: [draft, review, active, archived], old_values: [draft, active, archived, spam]}";

    private final PostgresTestDatabase db = new PostgresTestDatabase();

    @AfterEach
    void drop() {
        db.close();
    }

    private static List<Operation> parse(String yaml) {
        return OperationParser.parse(YamlReader.read(yaml, "v1.yaml"));
    }

    private void run(List<Operation> operations) {
        for (Operation op : operations) {
            for (Statement st : PostgresDialect.INSTANCE.render(op)) db.execute(st.sql());
        }
    }

    private void up(String yaml) {
        run(parse(yaml));
    }

    private void down(String yaml) {
        run(YamlBody.invert(parse(yaml)));
    }

    private String one(String sql) {
        return db.query(sql).get(0).get(0);
    }

    private String values(String type) {
        return one("SELECT enum_range(NULL::" + type + ")::text");
    }

    @Test
    void enumValuesAreAddedRenamedAndReplaced() {
        up("""
                - create_enum: {name: mood, values: [happy, sad]}
                - create_table:
                    table: people
                    columns:
                      - {name: id, type: integer, primary_key: true}
                      - {name: m, type: enum(mood), nullable: false, server_default: happy}
                      - {name: history, type: array(enum(mood))}
                - add_enum_value: {name: mood, value: ok, after: happy}
                - add_enum_value: {name: mood, value: ok, if_not_exists: true}
                - add_enum_value: {name: mood, value: meh, before: happy}
                - rename_enum_value: {name: mood, value: sad, new_value: unhappy}
                """);
        assertEquals("{meh,happy,ok,unhappy}", values("mood"));
        db.execute("INSERT INTO people VALUES (1, 'happy', '{happy,ok}'), (2, 'unhappy', NULL), (3, 'unhappy', NULL),"
                + " (4, 'ok', '{meh}')");

        StatementFailed refused = assertThrows(StatementFailed.class,
                () -> up("- replace_enum_values: {name: mood, values: [happy, ok, meh, angry]}"));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum mood: 2 row(s) of table people hold values it"
                + " removes (unhappy in column m); update or delete those rows first", refused.serverMessage());
        assertEquals("{meh,happy,ok,unhappy}", values("mood"));

        db.execute("DELETE FROM people WHERE m = 'unhappy'");
        StatementFailed inArray = assertThrows(StatementFailed.class,
                () -> up("- replace_enum_values: {name: mood, values: [happy, ok, angry]}"));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum mood: 1 row(s) of table people hold values it"
                + " removes (meh in column history); update or delete those rows first", inArray.serverMessage());

        up("- replace_enum_values: {name: mood, values: [angry, happy, ok, meh], old_values: [meh, happy, ok, unhappy]}");
        assertEquals("{angry,happy,ok,meh}", values("mood"));
        assertEquals("1,happy,{happy,ok};4,ok,{meh}", rows("SELECT id, m, history::text FROM people ORDER BY id"));
        assertEquals("mood|mood[]", one("SELECT string_agg(format_type(atttypid, NULL), '|' ORDER BY attnum)"
                + " FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname IN ('m', 'history')"));
        assertEquals("'happy'::mood", one("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                + " WHERE adrelid = 'people'::regclass"));
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'mood_old'"));
        db.execute("INSERT INTO people (id) VALUES (5)");
        assertEquals("happy", one("SELECT m FROM people WHERE id = 5"));
    }

    private String rows(String sql) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : db.query(sql)) {
            if (out.length() > 0) out.append(';');
            out.append(String.join(",", row.stream().map(String::valueOf).toList()));
        }
        return out.toString();
    }

    @Test
    void replaceEnumValuesIsUndoneWithItsOldValues() {
        String yaml = """
                - create_enum: {name: state, values: [a, b]}
                - create_table: {table: t, columns: [{name: s, type: enum(state)}]}
                - replace_enum_values: {name: state, values: [a, b, c], old_values: [a, b]}
                """;
        up(yaml);
        assertEquals("{a,b,c}", values("state"));
        db.execute("INSERT INTO t VALUES ('b')");
        run(YamlBody.invert(parse(yaml).subList(2, 3)));
        assertEquals("{a,b}", values("state"));
        assertEquals("b", one("SELECT s FROM t"));
        down(yaml);
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'state'"));
    }

    /** Every index, check and default of posts as PostgreSQL prints them, with their comments. */
    private String dependents() {
        return one("""
                SELECT string_agg(def, E'\\n' ORDER BY def) FROM (
                    SELECT pg_get_indexdef(indexrelid) || coalesce(' -- ' || obj_description(indexrelid, 'pg_class'), '') AS def
                    FROM pg_index WHERE indrelid = 'posts'::regclass
                    UNION ALL
                    SELECT conname || ' ' || pg_get_constraintdef(oid) || coalesce(' -- ' || obj_description(oid, 'pg_constraint'), '')
                    FROM pg_constraint WHERE conrelid = 'posts'::regclass
                    UNION ALL
                    SELECT 'default ' || pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'posts'::regclass
                ) d""");
    }

    @Test
    void partialIndexesChecksAndDefaultsThatUseTheTypeSurviveBothWays() {
        run(parse(POSTS));
        db.execute("CREATE INDEX posts_live ON posts (id) WHERE status <> 'archived'");
        db.execute("CREATE INDEX posts_published ON posts (id) WHERE status IN ('active', 'archived')");
        db.execute("CREATE INDEX posts_set ON posts (status) WHERE status IS NOT NULL");
        db.execute("CREATE UNIQUE INDEX posts_one_draft ON posts ((status = 'draft'), id)");
        db.execute("COMMENT ON INDEX posts_live IS 'what the list page reads'");
        db.execute("ALTER TABLE posts ADD CONSTRAINT posts_known CHECK (status <> 'archived' OR 'draft' = ANY (history))");
        db.execute("COMMENT ON CONSTRAINT posts_known ON posts IS 'archived from a draft'");
        db.execute("INSERT INTO posts (id, status) VALUES (1, 'active'), (2, 'archived'), (3, DEFAULT)");
        String before = dependents();
        assertEquals("""
                CREATE INDEX posts_live ON public.posts USING btree (id) WHERE (status <> 'archived'::status) -- what the list page reads
                CREATE INDEX posts_published ON public.posts USING btree (id) WHERE (status = ANY (ARRAY['active'::status, 'archived'::status]))
                CREATE INDEX posts_set ON public.posts USING btree (status) WHERE (status IS NOT NULL)
                CREATE UNIQUE INDEX posts_one_draft ON public.posts USING btree (((status = 'draft'::status)), id)
                CREATE UNIQUE INDEX posts_pkey ON public.posts USING btree (id)
                default 'draft'::status
                default '{draft}'::status[]
                posts_known CHECK (((status <> 'archived'::status) OR ('draft'::status = ANY (history)))) -- archived from a draft
                posts_pkey PRIMARY KEY (id)""", before);

        run(parse(REPLACE));
        assertEquals("{draft,review,active,archived}", values("status"));
        assertEquals(before, dependents());
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'status_old'"));
        db.execute("INSERT INTO posts (id, status) VALUES (4, 'review'), (5, DEFAULT)");
        assertEquals("1,active,{draft};2,archived,{draft};3,draft,{draft};4,review,{draft};5,draft,{draft}",
                rows("SELECT id, status, history::text FROM posts ORDER BY id"));
        assertEquals("1,4", rows("SELECT string_agg(id::text, ',' ORDER BY id) FROM posts"
                + " WHERE status <> 'archived' AND status <> 'draft'"));

        db.execute("DELETE FROM posts WHERE status = 'review'");
        run(YamlBody.invert(parse(REPLACE)));
        assertEquals("{draft,active,archived,spam}", values("status"));
        assertEquals(before, dependents());
        StatementFailed checked = assertThrows(StatementFailed.class,
                () -> db.execute("INSERT INTO posts VALUES (6, 'archived', '{}')"));
        assertEquals("23514", checked.sqlState());
    }

    /** {@link #REPLACE} fails with {@code reason} and leaves the type as it was. */
    private void assertReplaceRefused(String reason) {
        StatementFailed e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: " + reason, e.serverMessage());
        assertEquals("{draft,active,archived,spam}", values("status"));
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'status_old'"));
    }

    @Test
    void aCheckThatNamesARemovedValueFailsNamingItAndChangesNothing() {
        run(parse(POSTS));
        db.execute("ALTER TABLE posts ADD CONSTRAINT posts_known CHECK (status <> 'spam')");
        assertReplaceRefused("constraint posts_known on table posts cannot be created again with the new values:"
                + " invalid input value for enum status: \"spam\"");
        assertEquals("1", one("SELECT count(*) FROM pg_constraint WHERE conname = 'posts_known'"));
    }

    @Test
    void viewsRulesTriggersAndFunctionsThatUseTheTypeAreNamedAndNothingChanges() {
        run(parse(POSTS));
        db.execute("CREATE VIEW live_posts AS SELECT id FROM posts WHERE status <> 'archived'");
        db.execute("CREATE VIEW post_ids AS SELECT id FROM posts");
        db.execute("INSERT INTO posts (id) VALUES (1)");
        db.execute("CREATE FUNCTION is_live(status) RETURNS boolean LANGUAGE sql AS $$SELECT $1 <> 'archived'$$");
        db.execute("CREATE TABLE spam_log (id integer)");
        db.execute("CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN new; END$$");
        db.execute("CREATE TRIGGER no_spam BEFORE INSERT ON posts FOR EACH ROW WHEN (new.status = 'spam')"
                + " EXECUTE FUNCTION keep()");
        db.execute("CREATE RULE log_spam AS ON INSERT TO posts WHERE new.status = 'spam'"
                + " DO ALSO INSERT INTO spam_log VALUES (new.id)");
        StatementFailed e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: it is used by function is_live(status),"
                + " rule log_spam on table posts, trigger no_spam on table posts, view live_posts; drop those first and"
                + " create them again after", e.serverMessage());
        assertEquals("{draft,active,archived,spam}", values("status"));

        db.execute("DROP RULE log_spam ON posts");
        db.execute("DROP TRIGGER no_spam ON posts");
        db.execute("DROP VIEW live_posts");
        db.execute("DROP FUNCTION is_live");
        db.execute("CREATE VIEW post_states AS SELECT status FROM posts");
        e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: it is used by view post_states; drop"
                + " those first and create them again after", e.serverMessage());
        db.execute("DROP VIEW post_states");
        run(parse(REPLACE));
        assertEquals("{draft,review,active,archived}", values("status"));
        assertEquals("1", one("SELECT count(*) FROM post_ids"));
    }

    /** Every constraint of statuses and orders as PostgreSQL prints them, with their comments. */
    private String keys() {
        return one("""
                SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                    || coalesce(' -- ' || obj_description(oid, 'pg_constraint'), ''), E'\\n' ORDER BY conrelid::regclass::text, conname)
                FROM pg_constraint WHERE conrelid IN ('statuses'::regclass, 'orders'::regclass)""");
    }

    /** The lookup-table pattern: a key of the type that columns of the type (and an array of it) refer to. */
    @Test
    void foreignKeysBetweenColumnsOfTheTypeSurviveBothWays() {
        db.execute("CREATE TYPE status AS ENUM ('draft', 'active', 'archived', 'spam')");
        db.execute("CREATE TABLE statuses (code status PRIMARY KEY, label text)");
        db.execute("CREATE TABLE orders (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'draft'"
                + " REFERENCES statuses (code) ON UPDATE CASCADE, previous status, history status[])");
        db.execute("ALTER TABLE orders ADD CONSTRAINT orders_previous FOREIGN KEY (previous) REFERENCES statuses"
                + " DEFERRABLE INITIALLY DEFERRED NOT VALID");
        db.execute("CREATE TABLE pairs (a status, b status, PRIMARY KEY (a, b))");
        db.execute("CREATE TABLE moves (id integer, a status, b status, FOREIGN KEY (b, a) REFERENCES pairs)");
        db.execute("CREATE TABLE shipments (id integer, status status REFERENCES statuses) PARTITION BY LIST (id)");
        db.execute("CREATE TABLE shipments_1 PARTITION OF shipments FOR VALUES IN (1)");
        db.execute("COMMENT ON CONSTRAINT orders_status_fkey ON orders IS 'known states only'");
        db.execute("INSERT INTO statuses VALUES ('draft', 'Draft'), ('active', 'Active'), ('archived', 'Archived')");
        db.execute("INSERT INTO orders VALUES (1, 'active', 'draft', '{draft}'), (2, 'archived', NULL, NULL)");
        db.execute("INSERT INTO pairs VALUES ('draft', 'active')");
        db.execute("INSERT INTO moves VALUES (1, 'active', 'draft')");
        db.execute("INSERT INTO shipments VALUES (1, 'active')");
        String before = keys();
        assertEquals("""
                orders orders_pkey PRIMARY KEY (id)
                orders orders_previous FOREIGN KEY (previous) REFERENCES statuses(code) DEFERRABLE INITIALLY DEFERRED NOT VALID
                orders orders_status_fkey FOREIGN KEY (status) REFERENCES statuses(code) ON UPDATE CASCADE -- known states only
                statuses statuses_pkey PRIMARY KEY (code)""",
                before);

        run(parse(REPLACE));
        assertEquals("{draft,review,active,archived}", values("status"));
        assertEquals(before, keys());
        assertEquals("moves_b_a_fkey FOREIGN KEY (b, a) REFERENCES pairs(a, b)",
                one("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'moves'::regclass"));
        assertEquals("1,active,draft,{draft};2,archived,null,null",
                rows("SELECT id, status, previous, history::text FROM orders ORDER BY id"));
        StatementFailed unknown = assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO orders VALUES (3, 'review')"));
        assertEquals("23503", unknown.sqlState());
        db.execute("INSERT INTO statuses VALUES ('review', 'In review')");
        db.execute("INSERT INTO orders VALUES (3, 'review')");
        db.execute("DELETE FROM orders WHERE id = 3");
        db.execute("DELETE FROM statuses WHERE code = 'review'");

        run(YamlBody.invert(parse(REPLACE)));
        assertEquals("{draft,active,archived,spam}", values("status"));
        assertEquals(before, keys());
        assertEquals("2", one("SELECT count(*) FROM orders"));
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'status_old'"));
        StatementFailed spam = assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO moves VALUES (2, 'spam', 'draft')"));
        assertEquals("23503", spam.sqlState());
        assertEquals("shipments_1 FOREIGN KEY (status) REFERENCES statuses(code)", one("SELECT string_agg(conrelid::regclass || ' '"
                + " || pg_get_constraintdef(oid), ', ') FROM pg_constraint WHERE conrelid = 'shipments_1'::regclass"));
        spam = assertThrows(StatementFailed.class, () -> db.execute("INSERT INTO shipments VALUES (1, 'spam')"));
        assertEquals("23503", spam.sqlState());
    }

    /**
     * PostgreSQL 15 can neither convert a generated column of the type (its expression gives the
     * old type, and USING is not allowed) nor a column a generated column reads; dropping the
     * expression cannot be undone, so the change is refused before anything is touched.
     */
    @Test
    void generatedColumnsThatUseTheTypeAreRefusedNamingThemAndNothingChanges() {
        run(parse(POSTS));
        db.execute("ALTER TABLE posts ADD COLUMN twice integer GENERATED ALWAYS AS (id * 2) STORED");
        db.execute("CREATE TABLE notes (id integer, kind status GENERATED ALWAYS AS (CASE WHEN id > 9 THEN 'archived'::status END) STORED)");
        db.execute("ALTER TABLE posts ADD COLUMN live boolean GENERATED ALWAYS AS (status <> 'archived') STORED");
        db.execute("ALTER TABLE posts ADD COLUMN \"Label\" boolean GENERATED ALWAYS AS ('draft' = ANY (history)) STORED");
        db.execute("INSERT INTO posts (id, status) VALUES (1, 'active')");
        assertReplaceRefused("generated columns notes.kind, posts.\"Label\", posts.live use it, which PostgreSQL cannot"
                + " convert; drop them first and add them again after");
        assertEquals("3", one("SELECT count(*) FROM pg_attrdef WHERE adrelid = 'posts'::regclass AND adnum > 3"));

        db.execute("ALTER TABLE posts DROP COLUMN live, DROP COLUMN \"Label\"");
        db.execute("DROP TABLE notes");
        run(parse(REPLACE));
        assertEquals("{draft,review,active,archived}", values("status"));
        assertEquals("1,active,2", rows("SELECT id, status, twice FROM posts"));
        assertEquals("(id * 2)", one("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                + " WHERE adrelid = 'posts'::regclass AND adnum = 4"));
    }

    /** PostgreSQL cannot change the type of a partition key, plain or in an expression. */
    @Test
    void aPartitionKeyOfTheTypeIsRefusedNamingItAndNothingChanges() {
        run(parse(POSTS));
        db.execute("CREATE TABLE events (id integer, kind status) PARTITION BY LIST (kind)");
        db.execute("CREATE TABLE events_draft PARTITION OF events FOR VALUES IN ('draft')");
        db.execute("CREATE TABLE logs (id integer, kind status) PARTITION BY RANGE (id)");
        db.execute("CREATE TABLE logs_low PARTITION OF logs FOR VALUES FROM (0) TO (10) PARTITION BY HASH (kind)");
        db.execute("CREATE TABLE ranked (id integer, kind status) PARTITION BY LIST ((kind = 'draft'))");
        db.execute("INSERT INTO events VALUES (1, 'draft')");
        assertReplaceRefused("columns events.kind, logs_low.kind, ranked.kind partition their tables, and PostgreSQL"
                + " cannot change the type of a partition key; create those tables again with another key and copy their rows first");

        db.execute("DROP TABLE events, logs, ranked");
        db.execute("CREATE TABLE events (id integer, kind status) PARTITION BY LIST (id)");
        db.execute("CREATE TABLE events_one PARTITION OF events FOR VALUES IN (1)");
        db.execute("INSERT INTO events VALUES (1, 'draft')");
        run(parse(REPLACE));
        assertEquals("status", one("SELECT format_type(atttypid, NULL) FROM pg_attribute"
                + " WHERE attrelid = 'events_one'::regclass AND attname = 'kind'"));
        assertEquals("1,draft", rows("SELECT * FROM events"));
    }

    @Test
    void enumColumnsCreateTheirTypeOnceAndTheLastDropRemovesIt() {
        String yaml = """
                - create_table:
                    table: a
                    columns: [{name: s, type: enum(status), values: [on, off]}]
                - create_table:
                    table: b
                    columns: [{name: s, type: enum(status), values: [on, off], server_default: off}]
                - add_column: {table: a, column: {name: t, type: enum(Toggle), values: [up, down]}}
                """;
        up(yaml);
        assertEquals("{on,off}", values("status"));
        assertEquals("{up,down}", values("\"Toggle\""));
        db.execute("INSERT INTO b DEFAULT VALUES");
        assertEquals("off", one("SELECT s FROM b"));

        run(YamlBody.invert(parse(yaml).subList(1, 2)));
        assertEquals("1", one("SELECT count(*) FROM pg_type WHERE typname = 'status'"), "a still uses status");
        down(yaml.substring(0, yaml.indexOf("- create_table:\n    table: b")) + yaml.substring(yaml.indexOf("- add_column")));
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname IN ('status', 'Toggle')"));
        assertEquals("0", one("SELECT count(*) FROM pg_class WHERE relname = 'a'"));
    }

    @Test
    void extensionsAreCreatedAndDropped() {
        assumeTrue(!db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'citext'").isEmpty(),
                "the citext extension (PostgreSQL contrib) is not installed on the test server");
        String yaml = """
                - create_extension: {name: citext}
                - create_extension: {name: citext}
                - create_table: {table: users, columns: [{name: email, type: sql(citext)}]}
                """;
        up(yaml);
        db.execute("INSERT INTO users VALUES ('Ann@Example.com')");
        assertEquals("1", one("SELECT count(*) FROM users WHERE email = 'ann@example.com'"));
        StatementFailed inUse = assertThrows(StatementFailed.class, () -> up("- drop_extension: {name: citext}"));
        assertEquals("2BP01", inUse.sqlState());
        up("- drop_extension: {name: citext, cascade: true}");
        assertEquals("0", one("SELECT count(*) FROM pg_extension WHERE extname = 'citext'"));
        up("- drop_extension: {name: citext, if_exists: true}");
    }

    @Test
    void viewsAndMaterializedViewsRun() {
        up("""
                - create_table: {table: readings, columns: [{name: v, type: integer}]}
                - bulk_insert: {table: readings, rows: [{v: 1}, {v: 5}]}
                - create_view: {name: big, query: "SELECT v FROM readings WHERE v > 2;"}
                - create_view: {name: big, or_replace: true, query: SELECT v FROM readings WHERE v > 0}
                - create_view: {name: totals, materialized: true, query: SELECT sum(v) AS total FROM readings}
                - create_view: {name: later, materialized: true, with_data: false, query: SELECT count(*) AS n FROM readings}
                """);
        assertEquals("2", one("SELECT count(*) FROM big"));
        assertEquals("6", one("SELECT total FROM totals"));
        StatementFailed unfilled = assertThrows(StatementFailed.class, () -> one("SELECT n FROM later"));
        assertEquals("55000", unfilled.sqlState());
        db.execute("REFRESH MATERIALIZED VIEW later");
        assertEquals("2", one("SELECT n FROM later"));

        String dropTotals = "- drop_view: {name: totals, materialized: true, query: SELECT sum(v) AS total FROM readings}";
        up(dropTotals);
        assertEquals("0", one("SELECT count(*) FROM pg_class WHERE relname = 'totals'"));
        down(dropTotals);
        assertEquals("6", one("SELECT total FROM totals"));
        up("""
                - drop_view: {name: totals, materialized: true}
                - drop_view: {name: later, materialized: true, if_exists: true}
                - drop_view: {name: big}
                - drop_view: {name: big, if_exists: true}
                """);
        assertEquals("0", one("SELECT count(*) FROM pg_class WHERE relname IN ('big', 'totals', 'later')"));
    }

    @Test
    void timescaleOperationsWithoutTheExtensionFailWithTheInstallInstructions() {
        assumeTrue(db.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'").isEmpty());
        up("- create_table: {table: metrics, columns: [{name: time, type: timestamptz, nullable: false}]}");
        for (String yaml : List.of(
                "- create_hypertable: {table: metrics, time_column: time, chunk_time_interval: 1 day}",
                "- refresh_continuous_aggregate: {name: metrics_hourly}")) {
            String kind = yaml.substring(2, yaml.indexOf(':'));
            StatementFailed e = assertThrows(StatementFailed.class, () -> up(yaml));
            assertEquals("v1.yaml:1: operation '" + kind + "' needs the TimescaleDB extension, which is not installed"
                    + " in this database. Install TimescaleDB on the server, add it to postgresql.conf"
                    + " (shared_preload_libraries = 'timescaledb') and restart PostgreSQL, then run CREATE EXTENSION"
                    + " timescaledb in this database, or add '- create_extension: {name: timescaledb}' before this"
                    + " operation", e.serverMessage());
            assertTrue(e.getMessage().startsWith("[P0001] "), e.getMessage());
        }
    }
}
