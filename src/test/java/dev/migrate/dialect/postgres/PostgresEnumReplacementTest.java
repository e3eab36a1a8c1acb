package dev.migrate.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrate.engine.StatementFailed;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationParser;
import dev.migrate.ops.YamlBody;
import dev.migrate.script.Statement;
import dev.migrate.support.PostgresTestDatabase;
import dev.migrate.yaml.YamlReader;

/** replace_enum_values on a real server, with what uses the type: partial indexes, checks, defaults, views. */
class PostgresEnumReplacementTest {
    private static final String TABLE = """
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

    private String one(String sql) {
        return db.query(sql).get(0).get(0);
    }

    private String values() {
        return one("SELECT enum_range(NULL::status)::text");
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
        run(parse(TABLE));
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
        assertEquals("{draft,review,active,archived}", values());
        assertEquals(before, dependents());
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'status_old'"));
        db.execute("INSERT INTO posts (id, status) VALUES (4, 'review'), (5, DEFAULT)");
        assertEquals("1,active,{draft};2,archived,{draft};3,draft,{draft};4,review,{draft};5,draft,{draft}",
                rows("SELECT id, status, history::text FROM posts ORDER BY id"));
        assertEquals("1,4", rows("SELECT string_agg(id::text, ',' ORDER BY id) FROM posts"
                + " WHERE status <> 'archived' AND status <> 'draft'"));

        db.execute("DELETE FROM posts WHERE status = 'review'");
        run(YamlBody.invert(parse(REPLACE)));
        assertEquals("{draft,active,archived,spam}", values());
        assertEquals(before, dependents());
        StatementFailed checked = assertThrows(StatementFailed.class,
                () -> db.execute("INSERT INTO posts VALUES (6, 'archived', '{}')"));
        assertEquals("23514", checked.sqlState());
    }

    @Test
    void aCheckThatNamesARemovedValueFailsNamingItAndChangesNothing() {
        run(parse(TABLE));
        db.execute("ALTER TABLE posts ADD CONSTRAINT posts_known CHECK (status <> 'spam')");
        StatementFailed e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: constraint posts_known on table posts"
                + " cannot be created again with the new values: invalid input value for enum status: \"spam\"",
                e.serverMessage());
        assertEquals("{draft,active,archived,spam}", values());
        assertEquals("0", one("SELECT count(*) FROM pg_type WHERE typname = 'status_old'"));
        assertEquals("1", one("SELECT count(*) FROM pg_constraint WHERE conname = 'posts_known'"));
    }

    @Test
    void viewsTriggersAndFunctionsThatUseTheTypeAreNamedAndNothingChanges() {
        run(parse(TABLE));
        db.execute("CREATE VIEW live_posts AS SELECT id FROM posts WHERE status <> 'archived'");
        db.execute("CREATE VIEW post_ids AS SELECT id FROM posts");
        db.execute("INSERT INTO posts (id) VALUES (1)");
        db.execute("CREATE FUNCTION is_live(status) RETURNS boolean LANGUAGE sql AS $$SELECT $1 <> 'archived'$$");
        StatementFailed e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: it is used by function is_live(status),"
                + " view live_posts; drop those first and create them again after", e.serverMessage());
        assertEquals("{draft,active,archived,spam}", values());

        db.execute("DROP VIEW live_posts");
        db.execute("DROP FUNCTION is_live");
        db.execute("CREATE VIEW post_states AS SELECT status FROM posts");
        e = assertThrows(StatementFailed.class, () -> run(parse(REPLACE)));
        assertEquals("v1.yaml:1: replace_enum_values cannot change enum status: it is used by view post_states; drop"
                + " those first and create them again after", e.serverMessage());
        db.execute("DROP VIEW post_states");
        run(parse(REPLACE));
        assertEquals("{draft,review,active,archived}", values());
        assertEquals("1", one("SELECT count(*) FROM post_ids"));
    }

    private String rows(String sql) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : db.query(sql)) {
            if (out.length() > 0) out.append(';');
            out.append(String.join(",", row.stream().map(String::valueOf).toList()));
        }
        return out.toString();
    }
}
