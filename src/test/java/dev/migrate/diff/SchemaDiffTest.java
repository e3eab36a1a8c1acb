package dev.migrate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.dialect.Dialect;
import dev.migrate.ops.Operation;
import dev.migrate.revision.OperationYaml;
import dev.migrate.revision.parse.OperationParser;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.yaml.YamlReader;

/** One detectable change at a time, on schema pairs: the upgrade, its exact downgrade, and the YAML round trip. */
class SchemaDiffTest {
    private static final String BASE = """
            tables:
              - table: users
                columns:
                  - {name: id, type: integer, nullable: false}
                  - {name: email, type: "string(100)", nullable: false}
                  - {name: note, type: text}
                primary_key: {name: users_pkey, columns: [id]}
            """;

    private static Schema schema(String yaml) {
        return SchemaReader.read(yaml, "schema.yaml");
    }

    private static Diff diff(String actual, String target) {
        return diff(actual, target, "postgresql");
    }

    private static Diff diff(String actual, String target, String dialect) {
        Diff d = SchemaDiff.compare(schema(actual), schema(target), Flavors.dialect(dialect));
        roundTrip(d.upgrade());
        roundTrip(d.downgrade());
        return d;
    }

    /** The operations written as YAML read back through the normal parser as the same operations. */
    static void roundTrip(List<Operation> ops) {
        String yaml = OperationYaml.write(ops);
        if (ops.isEmpty()) return;
        List<Operation> parsed = OperationParser.parse(YamlReader.read(yaml, "rev.yaml"));
        assertEquals(yaml, OperationYaml.write(parsed));
        assertEquals(ops.size(), parsed.size());
        for (int i = 0; i < ops.size(); i++) assertEquals(ops.get(i).kind(), parsed.get(i).kind());
    }

    private static List<String> kinds(List<Operation> ops) {
        List<String> out = new ArrayList<>();
        for (Operation op : ops) out.add(op.kind());
        return out;
    }

    private static String up(Diff d) {
        return OperationYaml.write(d.upgrade());
    }

    private static String down(Diff d) {
        return OperationYaml.write(d.downgrade());
    }

    private static String with(String extra) {
        return BASE + extra;
    }

    @Test
    void sameSchemaNoChanges() {
        assertTrue(diff(BASE, BASE).isEmpty());
        assertTrue(diff("", "").isEmpty());
    }

    @Test
    void addAndDropTable() {
        Diff d = diff("", BASE);
        assertEquals(List.of("create_table"), kinds(d.upgrade()));
        assertEquals(List.of("drop_table"), kinds(d.downgrade()));
        Diff back = diff(BASE, "");
        assertEquals(List.of("drop_table"), kinds(back.upgrade()));
        // the downgrade is the full table, not a bare name
        assertEquals(up(d), down(back));
        assertTrue(up(back).contains("string(100)"), up(back));
    }

    @Test
    void tablesAreCreatedAfterTheTablesTheyReferAndDroppedBefore() {
        String two = """
                tables:
                  - table: a_orders
                    columns:
                      - {name: id, type: integer, nullable: false}
                      - {name: user_id, type: integer, references: z_users.id}
                  - table: z_users
                    columns:
                      - {name: id, type: integer, primary_key: true}
                """;
        Diff d = diff("", two);
        assertTrue(up(d).indexOf("table: z_users") < up(d).indexOf("table: a_orders"), up(d));
        assertTrue(down(d).indexOf("table: a_orders") < down(d).indexOf("table: z_users"), down(d));
    }

    @Test
    void addAndDropColumn() {
        String target = BASE.replace("      - {name: note, type: text}\n",
                "      - {name: note, type: text}\n      - {name: age, type: integer, server_default: 0, comment: years}\n");
        Diff d = diff(BASE, target);
        assertEquals(List.of("add_column"), kinds(d.upgrade()));
        assertEquals(List.of("drop_column"), kinds(d.downgrade()));
        Diff back = diff(target, BASE);
        assertEquals(List.of("drop_column"), kinds(back.upgrade()));
        assertEquals(List.of("add_column"), kinds(back.downgrade()));
        assertTrue(down(back).contains("{name: age, type: integer, server_default: 0, comment: years}"), down(back));
    }

    @Test
    void nullability() {
        Diff d = diff(BASE, BASE.replace("{name: note, type: text}", "{name: note, type: text, nullable: false}"));
        assertEquals("- alter_column: {table: users, column: note, nullable: false}\n", up(d));
        assertEquals("- alter_column: {table: users, column: note, nullable: true}\n", down(d));
    }

    @Test
    void typeChangeCarriesTheOldType() {
        Diff d = diff(BASE, BASE.replace("\"string(100)\"", "\"string(200)\""));
        assertEquals("- alter_column: {table: users, column: email, type: string(200), existing_type: string(100)}\n", up(d));
        assertEquals("- alter_column: {table: users, column: email, type: string(100), existing_type: string(200)}\n", down(d));
    }

    @Test
    void typesAreComparedByMeaningNotSpelling() {
        String spelled = BASE.replace("type: integer", "type: sql(int4)").replace("\"string(100)\"", "sql(character varying(100))");
        assertTrue(diff(BASE, spelled).isEmpty());
        // on SQLite uuid and string(36) are the same declared type
        String uuid = BASE.replace("{name: note, type: text}", "{name: note, type: uuid}");
        String string36 = BASE.replace("{name: note, type: text}", "{name: note, type: \"string(36)\"}");
        assertTrue(diff(uuid, string36, "sqlite").isEmpty(), () -> up(diff(uuid, string36, "sqlite")));
        assertEquals(List.of("alter_column"), kinds(diff(uuid, string36).upgrade()));
    }

    @Test
    void serverDefaultsNormalised() {
        String a = BASE.replace("{name: note, type: text}", "{name: flag, type: boolean, server_default: true}");
        String zero = BASE.replace("{name: note, type: text}", "{name: n, type: integer, server_default: 0}");
        assertTrue(diff(zero, zero.replace("server_default: 0", "server_default: \"0\"")).isEmpty());
        String now = BASE.replace("{name: note, type: text}", "{name: at, type: timestamp, server_default: now()}");
        assertTrue(diff(now, now.replace("now()", "sql(now())")).isEmpty(), () -> up(diff(now, now.replace("now()", "sql(now())"))));
        Diff d = diff(a, BASE.replace("{name: note, type: text}", "{name: flag, type: boolean, server_default: false}"));
        assertEquals("- alter_column: {table: users, column: flag, server_default: false, existing_server_default: true}\n", up(d));
        assertEquals("- alter_column: {table: users, column: flag, server_default: true, existing_server_default: false}\n", down(d));
        Diff dropped = diff(a, BASE.replace("{name: note, type: text}", "{name: flag, type: boolean}"));
        assertEquals("- alter_column: {table: users, column: flag, server_default: null, existing_server_default: true}\n",
                up(dropped));
    }

    @Test
    void columnAndTableComments() {
        Diff d = diff(BASE, BASE.replace("{name: note, type: text}", "{name: note, type: text, comment: free text}"));
        assertEquals("- alter_column: {table: users, column: note, comment: free text, existing_comment: null}\n", up(d));
        Diff t = diff(BASE, BASE.replace("  - table: users\n", "  - table: users\n    comment: people\n"));
        assertEquals("- create_table_comment: {table: users, comment: people, existing_comment: null}\n", up(t));
        assertEquals("- create_table_comment: {table: users, comment: null, existing_comment: people}\n", down(t));
    }

    @Test
    void indexes() {
        String indexed = with("""
                    indexes:
                      - {name: ix_users_email, columns: [email], where: "note IS NOT NULL"}
                """);
        Diff d = diff(BASE, indexed);
        assertEquals(List.of("create_index"), kinds(d.upgrade()));
        assertEquals("- drop_index: {name: ix_users_email, columns: [email], where: note IS NOT NULL, table: users}\n", down(d));
        assertEquals(List.of("drop_index"), kinds(diff(indexed, BASE).upgrade()));
        // the database's spelling of the predicate is the same index
        assertTrue(diff(indexed, indexed.replace("note IS NOT NULL", "(note IS NOT NULL)")).isEmpty());
        Diff changed = diff(indexed, indexed.replace("columns: [email]", "columns: [email, note]"));
        assertEquals(List.of("drop_index", "create_index"), kinds(changed.upgrade()));
        assertEquals(List.of("drop_index", "create_index"), kinds(changed.downgrade()));
    }

    @Test
    void uniqueConstraints() {
        String unique = with("""
                    unique:
                      - {name: users_email_key, columns: [email]}
                """);
        Diff d = diff(BASE, unique);
        assertEquals("- create_unique_constraint: {table: users, name: users_email_key, columns: [email]}\n", up(d));
        assertEquals("- drop_constraint: {table: users, name: users_email_key, type: unique, columns: [email]}\n", down(d));
        // a target constraint without a name matches the database's whatever its name
        assertTrue(diff(unique, BASE.replace("{name: email, type: \"string(100)\", nullable: false}",
                "{name: email, type: \"string(100)\", nullable: false, unique: true}")).isEmpty());
    }

    @Test
    void foreignKeys() {
        String two = """
                  - table: orgs
                    columns:
                      - {name: id, type: integer, primary_key: true}
                """;
        String plain = with(two).replace("{name: note, type: text}", "{name: org_id, type: integer}");
        String referring = plain.replace("{name: org_id, type: integer}",
                "{name: org_id, type: integer, references: orgs.id, on_delete: cascade}");
        Diff d = diff(plain, referring);
        assertEquals("- create_foreign_key: {table: users, name: users_org_id_fkey, columns: [org_id], ref_table: orgs, "
                + "ref_columns: [id], on_delete: CASCADE}\n", up(d));
        assertTrue(down(d).startsWith("- drop_constraint: {table: users, name: users_org_id_fkey, type: foreign_key"), down(d));
        String named = referring.replace("references: orgs.id, on_delete: cascade}", "}")
                + "";
        assertEquals(List.of("drop_constraint"), kinds(diff(referring, named).upgrade()));
    }

    @Test
    void checks() {
        String checked = with("""
                    checks:
                      - {name: users_id_check, expression: id > 0}
                """);
        Diff d = diff(BASE, checked);
        assertEquals("- create_check_constraint: {table: users, name: users_id_check, expression: \"id > 0\"}\n", up(d));
        assertEquals("- drop_constraint: {table: users, name: users_id_check, type: check, expression: \"id > 0\"}\n", down(d));
        // a named check is known by its name: PostgreSQL rewrites the expression
        assertTrue(diff(checked.replace("id > 0", "(id > (0)::integer)"), checked).isEmpty());
    }

    @Test
    void primaryKey() {
        String noPk = BASE.replace("    primary_key: {name: users_pkey, columns: [id]}\n", "");
        Diff d = diff(noPk, BASE);
        assertEquals("- create_primary_key: {table: users, name: users_pkey, columns: [id]}\n", up(d));
        assertEquals("- drop_constraint: {table: users, name: users_pkey, type: primary_key, columns: [id]}\n", down(d));
    }

    private static final String ENUM = """
            enums:
              - {name: mood, values: [happy, sad]}
            """;

    @Test
    void enumAppendedValuesAreAdded() {
        Diff d = diff(ENUM, ENUM.replace("[happy, sad]", "[happy, sad, ok, meh]"));
        assertEquals("""
                - add_enum_value: {name: mood, value: ok}
                - add_enum_value: {name: mood, value: meh}
                """, up(d));
        assertEquals("- replace_enum_values: {name: mood, values: [happy, sad], old_values: [happy, sad, ok, meh]}\n", down(d));
    }

    @Test
    void enumOtherChangesReplaceTheValues() {
        Diff d = diff(ENUM, ENUM.replace("[happy, sad]", "[happy]"));
        assertEquals("- replace_enum_values: {name: mood, values: [happy], old_values: [happy, sad]}\n", up(d));
        assertEquals("- replace_enum_values: {name: mood, values: [happy, sad], old_values: [happy]}\n", down(d));
        Diff inserted = diff(ENUM, ENUM.replace("[happy, sad]", "[happy, ok, sad]"));
        assertEquals(List.of("replace_enum_values"), kinds(inserted.upgrade()));
    }

    @Test
    void enumCreatedBeforeTablesAndDroppedAfter() {
        String used = ENUM + BASE.replace("{name: note, type: text}", "{name: m, type: enum(mood)}");
        Diff d = diff("", used);
        assertEquals(List.of("create_enum", "create_table"), kinds(d.upgrade()));
        assertEquals(List.of("drop_table", "drop_enum"), kinds(d.downgrade()));
        assertEquals(List.of("drop_table", "drop_enum"), kinds(diff(used, "").upgrade()));
    }

    @Test
    void extensions() {
        String ext = "extensions:\n  - citext\n";
        Diff d = diff("", ext);
        assertEquals("- create_extension: {name: citext, if_not_exists: false}\n", up(d));
        assertEquals("- drop_extension: {name: citext}\n", down(d));
        assertEquals(List.of("drop_extension"), kinds(diff(ext, "").upgrade()));
        assertEquals(List.of("create_extension"), kinds(diff(ext, "").downgrade()));
    }

    @Test
    void views() {
        String view = with("views:\n  - {name: v, query: SELECT id FROM users}\n");
        Diff d = diff(BASE, view);
        assertEquals("- create_view: {name: v, query: SELECT id FROM users}\n", up(d));
        assertEquals("- drop_view: {name: v, query: SELECT id FROM users}\n", down(d));
        Diff dropped = diff(view, BASE);
        assertEquals(List.of("drop_view"), kinds(dropped.upgrade()));
        // views go before the tables they read are dropped, and come back after
        Diff all = diff(view, "");
        assertEquals(List.of("drop_view", "drop_table"), kinds(all.upgrade()));
        assertEquals(List.of("create_table", "create_view"), kinds(all.downgrade()));
        // the database rewrites a query: views are known by name
        assertTrue(diff(view, view.replace("SELECT id FROM users", "SELECT users.id FROM users")).isEmpty());
    }

    private static final String METRICS = """
            tables:
              - table: metrics
                columns:
                  - {name: time, type: timestamptz, nullable: false}
                  - {name: device, type: integer, nullable: false}
            """;

    @Test
    void hypertables() {
        String hyper = METRICS + """
                hypertables:
                  - table: metrics
                    time_column: time
                    chunk_time_interval: 1 day
                    compression: {segment_by: [device], order_by: [time DESC], compress_after: 7 days}
                    drop_after: 90 days
                """;
        Diff d = diff(METRICS, hyper);
        assertEquals(List.of("create_hypertable", "enable_compression", "add_compression_policy", "add_retention_policy"),
                kinds(d.upgrade()));
        assertEquals(List.of("remove_retention_policy", "remove_compression_policy", "disable_compression"),
                kinds(d.downgrade()));
        Diff policy = diff(hyper, hyper.replace("90 days", "30 days"));
        assertEquals("""
                - remove_retention_policy: {table: metrics, drop_after: "90 days"}
                - add_retention_policy: {table: metrics, drop_after: "30 days"}
                """, up(policy));
        Diff chunk = diff(hyper, hyper.replace("1 day", "2 days"));
        assertEquals("- set_chunk_time_interval: {table: metrics, chunk_time_interval: \"2 days\", existing_chunk_time_interval: \"1 day\"}\n",
                up(chunk));
        // dropping the table: its downgrade recreates the table, then the hypertable and its policies
        Diff gone = diff(hyper, "");
        assertEquals(List.of("drop_table"), kinds(gone.upgrade()));
        assertEquals(List.of("create_table", "create_hypertable", "enable_compression", "add_compression_policy",
                "add_retention_policy"), kinds(gone.downgrade()));
        // a hypertable cannot become a plain table again: said, not done
        Diff plain = SchemaDiff.compare(schema(hyper), schema(METRICS), Flavors.dialect("postgresql"));
        assertTrue(plain.upgrade().isEmpty() && plain.notes().size() == 1, plain.toString());
    }

    @Test
    void renamesAreNotGuessed() {
        Diff d = diff(BASE, BASE.replace("{name: note, type: text}", "{name: remark, type: text}"));
        assertEquals(List.of("add_column", "drop_column"), kinds(d.upgrade()).stream().sorted().toList());
    }
}
