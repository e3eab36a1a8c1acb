package dev.migrate;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ops.Column;
import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code migrate inspect} on every engine: the live schema as schema.yaml, and adopting an existing database. */
public abstract class InspectScenarios extends EngineTestBase {
    private static final String DEVICES = """
            revision: a1
            down_revision: null
            message: devices
            upgrade:
              - create_table:
                  table: devices
                  columns:
                    - {name: id, type: identity}
                    - {name: name, type: string(50), nullable: false}
                    - {name: active, type: boolean, nullable: false, server_default: true}
                    - {name: seen_at, type: timestamp}
                  primary_key: [id]
              - create_index: {name: devices_name, table: devices, columns: [name], unique: true}
            """;

    /** Exit 0; standard output. */
    private static String output(LaunchResult r) {
        return Outcomes.ok(r);
    }

    private static Schema schema(String yaml) {
        return SchemaReader.read(yaml, "stdout");
    }

    private static List<String> columns(Schema schema, String table) {
        return schema.table(table).columns().stream().map(c -> c.name() + " " + c.type()).toList();
    }

    @Test
    void printsTheLiveSchemaWithoutTheToolsOwnTables(QuarkusMainLauncher launcher) {
        project.file("a1_devices.yaml", DEVICES);
        output(project.run(launcher, "upgrade", "head"));
        LaunchResult r = project.run(launcher, "inspect");
        Schema found = schema(output(r));
        assertEquals(List.of("devices"), List.copyOf(found.tables().keySet()));
        assertEquals(List.of("id identity", "name string(50)", "active boolean", "seen_at timestamp"), columns(found, "devices"));
        Column active = found.table("devices").column("active");
        assertFalse(active.nullable());
        assertEquals(Boolean.TRUE, active.serverDefault().value());
        assertTrue(found.table("devices").indexes().get("devices_name").unique());
        assertTrue(r.getErrorOutput().isBlank(), r.getErrorOutput());
    }

    /** The way in for a database made without migrate: inspect > schema.yaml, a first revision, stamp head. */
    @Test
    void anExistingDatabaseIsAdoptedWithInspectAndStamp(QuarkusMainLauncher launcher) throws IOException {
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL)");
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),"
                + " total NUMERIC(10, 2) DEFAULT 0 NOT NULL)");
        String printed = output(project.run(launcher, "inspect"));
        Path target = project.dir().resolve("migrations/schema.yaml");
        Files.writeString(target, printed);
        Schema adopted = SchemaReader.read(target);
        assertEquals(List.of("customers", "orders"), List.copyOf(adopted.tables().keySet()));
        assertEquals(List.of("id integer", "customer_id integer", "total numeric(10,2)"), columns(adopted, "orders"));
        assertEquals("customers", adopted.table("orders").foreignKeys().get(0).refTable());

        output(project.run(launcher, "revision", "-m", "baseline", "--rev-id", "base1"));
        output(project.run(launcher, "stamp", "head"));
        assertTrue(output(project.run(launcher, "current")).contains("base1"));
        assertEquals(printed, output(project.run(launcher, "inspect")), "the version and history tables stay out");
    }

    @Test
    void jsonIsTheSameTree(QuarkusMainLauncher launcher) {
        db.execute("CREATE TABLE t (id INTEGER NOT NULL, note TEXT DEFAULT 'x')");
        String json = output(project.run(launcher, "--json", "inspect")).strip();
        assertEquals("{\"tables\":[{\"table\":\"t\",\"columns\":[{\"name\":\"id\",\"type\":\"integer\",\"nullable\":false},"
                + "{\"name\":\"note\",\"type\":\"text\",\"server_default\":\"x\"}]}]}", json);
        assertEquals(json, output(project.run(launcher, "inspect", "--format", "json")).strip());
    }

    @Test
    void anEmptyDatabaseIsAnEmptyMapping(QuarkusMainLauncher launcher) {
        assertEquals("{}", output(project.run(launcher, "inspect")).strip());
    }

    @Test
    void whatTheSchemaCannotSayIsAWarningOnStandardError(QuarkusMainLauncher launcher) {
        db.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
        db.execute("CREATE INDEX t_a_desc ON t (a DESC, b)");
        LaunchResult r = project.run(launcher, "inspect");
        Schema found = schema(output(r));
        assertEquals(List.of("a", "b"), found.table("t").indexes().get("t_a_desc").columns());
        assertTrue(r.getErrorOutput().contains("warning: table t: index t_a_desc: the sort order"), r.getErrorOutput());
        assertTrue(output(project.run(launcher, "-q", "inspect")).contains("t_a_desc"));
    }

    @Test
    void anUnknownFormatIsAUsageError(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "inspect", "--format", "xml"), 2);
        assertTrue(err.contains("--format must be yaml or json, not 'xml'"), err);
    }
}
