package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrate.schema.Schema;
import dev.migrate.schema.SchemaReader;
import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import dev.migrate.support.TestDatabase;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * {@code revision --autogenerate} and {@code check} on every engine: a target schema using every
 * feature the engine has is generated, applied and checked; a change to it is generated, applied,
 * checked and undone by the generated downgrade.
 */
public abstract class AutogenerateScenarios extends EngineTestBase {
    /** A first target schema using every feature of the engine. */
    protected abstract String firstSchema();

    /** A change to {@link #firstSchema()} that the engine can carry out on existing tables. */
    protected abstract String changedSchema();

    /** A new, empty database of the other engine: one history must serve both. */
    protected abstract TestDatabase otherDatabase();

    /** A target both engines can hold: enums declared once, identity widths, keys the database names. */
    private static final String PORTABLE_TARGET = """
            enums:
              - {name: item_state, values: [draft, done]}
            tables:
              - table: projects
                columns:
                  - {name: id, type: bigidentity}
                  - {name: name, type: "string(100)", nullable: false}
                primary_key: {columns: [id]}
                unique:
                  - {columns: [name]}
              - table: items
                columns:
                  - {name: id, type: identity}
                  - {name: project_id, type: bigint, nullable: false}
                  - {name: state, type: enum(item_state), nullable: false, server_default: draft}
                primary_key: {columns: [id]}
                foreign_keys:
                  - {columns: [project_id], ref_table: projects, ref_columns: [id], on_delete: CASCADE}
            """;

    /** One history written by hand, with the keys and checks each database names its own way. */
    private static final String SHARED_HISTORY = """
            revision: h1
            down_revision: null
            message: shared history
            upgrade:
              - create_enum: {name: item_state, values: [draft, done]}
              - create_table:
                  table: users
                  columns:
                    - {name: id, type: identity, primary_key: true}
                    - {name: email, type: string(200), nullable: false, unique: true}
                    - {name: active, type: boolean, nullable: false, server_default: true}
                    - {name: created, type: timestamp, server_default: now()}
              - create_table:
                  table: items
                  columns:
                    - {name: id, type: identity, primary_key: true}
                    - {name: user_id, type: integer, nullable: false, references: users.id, on_delete: cascade}
                    - {name: state, type: enum(item_state), values: [draft, done], nullable: false, server_default: draft}
                    - {name: title, type: text, server_default: ''}
                  checks: [{name: items_title_check, expression: "length(title) < 200"}]
              - create_index: {name: ix_items_user, table: items, columns: [user_id]}
            downgrade:
              - drop_table: {table: items}
              - drop_table: {table: users}
              - drop_enum: {name: item_state}
            """;

    private String target() {
        try {
            return Files.readString(targetFile());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Path targetFile() {
        return project.dir().resolve("migrations/schema.yaml");
    }

    private void writeTarget(String yaml) throws IOException {
        Files.writeString(targetFile(), yaml);
    }

    private Schema inspect(QuarkusMainLauncher launcher) {
        return SchemaReader.read(Outcomes.ok(project.run(launcher, "inspect")), "inspect");
    }

    private List<Path> revisions() throws IOException {
        try (Stream<Path> files = Files.list(project.versions())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void generatedRevisionsBringTheDatabaseToTheTargetAndBack(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        LaunchResult check = project.run(launcher, "check");
        assertEquals(3, check.exitCode(), check.getOutput() + check.getErrorOutput());
        assertTrue(check.getOutput().contains("create_table"), check.getOutput());

        ok(project.run(launcher, "revision", "--autogenerate", "-m", "first", "--rev-id", "r1"));
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult clean = project.run(launcher, "check");
        assertEquals(0, clean.exitCode(), () -> clean.getOutput() + clean.getErrorOutput() + "\n" + read("r1"));
        Schema first = inspect(launcher);

        writeTarget(changedSchema());
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "second", "--rev-id", "r2"));
        LaunchResult second = project.run(launcher, "upgrade", "head");
        assertEquals(0, second.exitCode(), () -> second.getErrorOutput() + "\n" + read("r2"));
        LaunchResult clean2 = project.run(launcher, "check");
        assertEquals(0, clean2.exitCode(), () -> clean2.getOutput() + clean2.getErrorOutput() + "\n" + read("r2"));

        ok(project.run(launcher, "downgrade", "-1"));
        assertEquals(first, inspect(launcher), () -> read("r2"));
        ok(project.run(launcher, "downgrade", "base"));
        assertTrue(inspect(launcher).isEmpty(), () -> read("r1"));
    }

    private String read(String id) {
        try {
            for (Path p : revisions()) if (p.getFileName().toString().startsWith(id)) return Files.readString(p);
            return "(no revision " + id + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * A revision generated here from a target that declares its enum once runs here and on the
     * other engine, both check clean against that target (no recurring create_enum, identity and
     * bigidentity alike on SQLite), and its downgrade runs on both.
     */
    @Test
    void aGeneratedRevisionRunsHereAndOnTheOtherEngineAndBothCheckClean(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(PORTABLE_TARGET);
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "portable", "--rev-id", "p1"));
        LaunchResult here = project.run(launcher, "upgrade", "head");
        assertEquals(0, here.exitCode(), () -> here.getErrorOutput() + "\n" + read("p1"));
        LaunchResult cleanHere = project.run(launcher, "check");
        assertEquals(0, cleanHere.exitCode(), () -> cleanHere.getOutput() + cleanHere.getErrorOutput() + "\n" + read("p1"));
        try (TestDatabase other = otherDatabase()) {
            LaunchResult there = project.run(launcher, "--url", other.url(), "upgrade", "head");
            assertEquals(0, there.exitCode(), () -> there.getErrorOutput() + "\n" + read("p1"));
            LaunchResult cleanThere = project.run(launcher, "--url", other.url(), "check");
            assertEquals(0, cleanThere.exitCode(), () -> cleanThere.getOutput() + cleanThere.getErrorOutput() + "\n" + read("p1"));
            ok(project.run(launcher, "--url", other.url(), "downgrade", "base"));
        }
        ok(project.run(launcher, "downgrade", "base"));
        assertTrue(inspect(launcher).isEmpty(), () -> read("p1"));
    }

    /**
     * One history upgraded on both engines: the schema {@code inspect} reads from the other one
     * compares clean here, names the databases give keys and types this one cannot tell apart
     * compared by meaning, and autogenerate here then finds nothing to do.
     */
    @Test
    void aSchemaInspectedOnTheOtherEngineComparesCleanHere(QuarkusMainLauncher launcher) throws IOException {
        project.file("h1_shared.yaml", SHARED_HISTORY);
        ok(project.run(launcher, "upgrade", "head"));
        try (TestDatabase other = otherDatabase()) {
            ok(project.run(launcher, "--url", other.url(), "upgrade", "head"));
            writeTarget(Outcomes.ok(project.run(launcher, "--url", other.url(), "inspect")));
        }
        LaunchResult check = project.run(launcher, "check");
        assertEquals(0, check.exitCode(), () -> check.getOutput() + check.getErrorOutput() + "\n" + target());
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "nothing", "--rev-id", "h2");
        ok(r);
        assertTrue(r.getErrorOutput().contains("No changes detected"), r.getErrorOutput() + read("h2"));
    }

    @Test
    void checkShowsTheOldAndTheNewServerDefault(QuarkusMainLauncher launcher) throws IOException {
        project.file("h1_shared.yaml", SHARED_HISTORY);
        ok(project.run(launcher, "upgrade", "head"));
        writeTarget(Outcomes.ok(project.run(launcher, "inspect"))
                .replaceAll("(name: title, type: text, server_default: )[^,}]+", "$1untitled"));
        LaunchResult check = project.run(launcher, "check");
        assertEquals(3, check.exitCode(), check.getOutput() + check.getErrorOutput());
        assertTrue(check.getOutput().contains("alter_column items.title (server_default \"\" -> \"untitled\")"), check.getOutput());
    }

    @Test
    void noChangesStillWritesAnEmptyRevision(QuarkusMainLauncher launcher) throws IOException {
        writeTarget("");
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "nothing");
        ok(r);
        assertTrue(r.getErrorOutput().contains("No changes detected"), r.getErrorOutput());
        String text = Files.readString(revisions().get(0));
        assertTrue(text.contains("upgrade: []") && text.contains("downgrade: []"), text);
        ok(project.run(launcher, "upgrade", "head"));
        LaunchResult check = project.run(launcher, "check");
        ok(check);
        assertTrue(check.getOutput().contains("No new upgrade operations detected."), check.getOutput());
    }

    @Test
    void autogenerateAndCheckNeedTheDatabaseAtHead(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "first", "--rev-id", "r1"));
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "second");
        assertEquals(1, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("Target database is not up to date"), r.getErrorOutput());
        LaunchResult check = project.run(launcher, "check");
        assertEquals(1, check.exitCode(), check.getErrorOutput());
        assertEquals(1, revisions().size());
    }

    @Test
    void checkListsTheDifferencesAsJson(QuarkusMainLauncher launcher) throws IOException {
        writeTarget(firstSchema());
        LaunchResult r = project.run(launcher, "--json", "check");
        assertEquals(3, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("{\"differences\":[\"") && r.getOutput().contains("\"create_table "), r.getOutput());
    }
}
