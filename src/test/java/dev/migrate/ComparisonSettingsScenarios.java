package dev.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import dev.migrate.support.EngineTestBase;
import dev.migrate.support.Outcomes;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The settings that narrow what autogenerate and check compare (README, "Autogenerate and
 * check"): {@code compare_type: false} and {@code compare_server_default: false} leave a column's
 * type or default as the database has it, on every engine; {@code include_schemas} is tried
 * where a database has schemas (PostgreSQL's subclass).
 */
public abstract class ComparisonSettingsScenarios extends EngineTestBase {
    private static final String HISTORY = """
            revision: c1
            down_revision: null
            message: accounts
            upgrade:
              - create_table:
                  table: accounts
                  columns:
                    - {name: id, type: integer, nullable: false}
                    - {name: name, type: string(100), server_default: anonymous}
            downgrade:
              - drop_table: {table: accounts}
            """;

    /** Rewrites migrate.yaml with {@code settings} after the script location and URL. */
    protected void configure(String settings) {
        write("migrate.yaml", "script_location: migrations\nurl: " + db.url() + "\n" + settings);
    }

    /** Writes the target schema, migrations/schema.yaml. */
    protected void target(String yaml) {
        write("migrations/schema.yaml", yaml);
    }

    private void write(String file, String text) {
        try {
            Files.writeString(project.dir().resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts {@code check}'s exit status; its output, one difference a line. */
    protected static String checked(LaunchResult check, int exit) {
        assertEquals(exit, check.exitCode(), () -> "stdout:\n" + check.getOutput() + "\nstderr:\n" + check.getErrorOutput());
        return check.getOutput();
    }

    /**
     * The database at head with accounts.name a string(100) defaulting to "anonymous", and a target
     * (what inspect reads, so that nothing else differs) that wants a string(200) defaulting to "nobody".
     */
    private void aTargetChangingTheColumnsTypeAndDefault(QuarkusMainLauncher launcher) {
        project.file("c1_accounts.yaml", HISTORY);
        ok(project.run(launcher, "upgrade", "head"));
        String inspected = Outcomes.ok(project.run(launcher, "inspect"));
        target(inspected);
        checked(project.run(launcher, "check"), 0);
        String changed = inspected.replace("string(100)", "string(200)").replaceAll("(server_default: )\"?anonymous\"?", "$1nobody");
        assertFalse(changed.equals(inspected), inspected);
        target(changed);
    }

    private static final String TYPE = "type string(100) -> string(200)";
    private static final String DEFAULT = "server_default \"anonymous\" -> \"nobody\"";

    @Test
    void byDefaultTheTypeAndTheDefaultAreCompared(QuarkusMainLauncher launcher) {
        aTargetChangingTheColumnsTypeAndDefault(launcher);
        String out = checked(project.run(launcher, "check"), 3);
        assertTrue(out.contains("alter_column accounts.name (" + TYPE + ", " + DEFAULT + ")"), out);
    }

    @Test
    void compareTypeFalseLeavesTheTypeAsTheDatabaseHasIt(QuarkusMainLauncher launcher) {
        aTargetChangingTheColumnsTypeAndDefault(launcher);
        configure("compare_type: false\n");
        String out = checked(project.run(launcher, "check"), 3);
        assertTrue(out.contains("alter_column accounts.name (" + DEFAULT + ")"), out);
        assertFalse(out.contains("type "), out);
    }

    @Test
    void compareServerDefaultFalseLeavesTheDefaultAsTheDatabaseHasIt(QuarkusMainLauncher launcher) {
        aTargetChangingTheColumnsTypeAndDefault(launcher);
        configure("compare_server_default: false\n");
        String out = checked(project.run(launcher, "check"), 3);
        assertTrue(out.contains("alter_column accounts.name (" + TYPE + ")"), out);
        assertFalse(out.contains("server_default"), out);
    }

    @Test
    void withBothOffCheckIsCleanAndAutogenerateFindsNothing(QuarkusMainLauncher launcher) throws IOException {
        aTargetChangingTheColumnsTypeAndDefault(launcher);
        configure("compare_type: false\ncompare_server_default: false\n");
        assertTrue(checked(project.run(launcher, "check"), 0).contains("No new upgrade operations detected."));
        LaunchResult r = project.run(launcher, "revision", "--autogenerate", "-m", "nothing", "--rev-id", "c2");
        ok(r);
        assertTrue(r.getErrorOutput().contains("No changes detected"), r.getErrorOutput());
        String revision;
        try (var files = Files.list(project.versions())) {
            revision = Files.readString(files.filter(p -> p.getFileName().toString().startsWith("c2")).findFirst().orElseThrow());
        }
        assertTrue(revision.contains("upgrade: []") && revision.contains("downgrade: []"), revision);
    }

    @Test
    void autogenerateWithCompareTypeFalseWritesOnlyTheDefaultsChange(QuarkusMainLauncher launcher) throws IOException {
        aTargetChangingTheColumnsTypeAndDefault(launcher);
        configure("compare_type: false\n");
        ok(project.run(launcher, "revision", "--autogenerate", "-m", "default", "--rev-id", "c2"));
        ok(project.run(launcher, "upgrade", "head"));
        String inspected = Outcomes.ok(project.run(launcher, "inspect"));
        assertTrue(inspected.contains("string(100)") && inspected.contains("nobody"), inspected);
        assertTrue(checked(project.run(launcher, "check"), 0).contains("No new upgrade operations detected."));
    }
}
