package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.support.CliTest;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

@CliTest
class ShowCommandTest {
    @TempDir
    Path tmp;

    private Project project;
    private Path dialects;

    @BeforeEach
    void setUp() {
        project = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        project.sql("1975ea83b712", null, "CREATE TABLE devices (id INTEGER);", "DROP TABLE devices;");
        dialects = project.file("3f2a9c1b7d4e_status.sql", """
                -- revision: 3f2a9c1b7d4e
                -- down_revision: 1975ea83b712
                -- message: add device status
                -- create_date: 2026-11-21 15:00:00.000000

                -- migrate:upgrade postgresql
                ALTER TABLE devices ADD COLUMN status varchar(50);
                COMMENT ON COLUMN devices.status IS 'a;b';

                -- migrate:upgrade sqlite
                ALTER TABLE devices ADD COLUMN status TEXT;

                -- migrate:downgrade
                ALTER TABLE devices DROP COLUMN status;
                """);
        project.sql("3f2b00000000", "1975ea83b712", "SELECT 1;", "SELECT 1;");
    }

    @Test
    void showsHeaderPathAndTheSqlOfEachDialect(QuarkusMainLauncher launcher) {
        String out = ok(project.run(launcher, "show", "3f2a9c1b7d4e"));
        assertTrue(out.startsWith("Rev: 3f2a9c1b7d4e (head)\nParent: 1975ea83b712\nPath: " + dialects + "\n"), out);
        assertTrue(out.contains("    add device status\n"), out);
        assertTrue(out.contains("    Create Date: 2026-11-21 15:00:00.000000\n"), out);
        assertTrue(out.contains("-- upgrade (postgresql)\nALTER TABLE devices ADD COLUMN status varchar(50);\n"
                + "COMMENT ON COLUMN devices.status IS 'a;b';\n"), out);
        assertTrue(out.contains("-- upgrade (sqlite)\nALTER TABLE devices ADD COLUMN status TEXT;\n"), out);
        assertTrue(out.contains("-- downgrade (postgresql)\nALTER TABLE devices DROP COLUMN status;\n"), out);
        assertTrue(out.contains("-- downgrade (sqlite)\nALTER TABLE devices DROP COLUMN status;"), out);
    }

    @Test
    void aSqliteTableRebuildShowsWhatItWillDoSinceItsSqlIsWrittenWhenItRuns(QuarkusMainLauncher launcher) {
        project.file("4a5b6c7d8e9f_rebuild.yaml", """
                revision: 4a5b6c7d8e9f
                down_revision: 3f2b00000000
                message: not null
                upgrade:
                  - alter_column: {table: devices, column: id, nullable: false}
                """);
        String out = ok(project.run(launcher, "show", "4a5b6c7d8e9f"));
        assertTrue(out.contains("-- upgrade (postgresql)\nALTER TABLE devices ALTER COLUMN id SET NOT NULL;\n"), out);
        assertTrue(out.contains("-- upgrade (sqlite)\nPRAGMA foreign_keys = OFF;\n-- rebuild of table devices for alter_column:"
                + " written when it runs, from the schema as it is then\nPRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;\n"),
                out);
    }

    @Test
    void aUniquePrefixAndSymbolicNamesWork(QuarkusMainLauncher launcher) {
        assertTrue(ok(project.run(launcher, "show", "1975")).startsWith("Rev: 1975ea83b712 (branchpoint)\n"));
        assertTrue(ok(project.run(launcher, "show", "3f2a")).startsWith("Rev: 3f2a9c1b7d4e (head)\n"));
    }

    @Test
    void jsonHasHeaderAndSqlPerDialect(QuarkusMainLauncher launcher) {
        String out = ok(project.run(launcher, "--json", "show", "3f2a9c1b7d4e"));
        assertTrue(out.contains("\"revision\":\"3f2a9c1b7d4e\""), out);
        assertTrue(out.contains("\"sqlite\":{\"upgrade\":[\"ALTER TABLE devices ADD COLUMN status TEXT\"]"), out);
        assertTrue(out.contains("\"postgresql\":{\"upgrade\":["), out);
    }

    @Test
    void anAmbiguousPrefixSaysSo(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "show", "3f2"), 1);
        assertTrue(err.contains("Multiple revisions start with '3f2'") || err.contains("Multiple revisions start with 3f2"), err);
    }

    @Test
    void anUnknownRevisionIsNamed(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "show", "deadbeef"), 1);
        assertTrue(err.contains("deadbeef"), err);
    }

    @Test
    void headIsAmbiguousWithTwoHeads(QuarkusMainLauncher launcher) {
        String err = fails(project.run(launcher, "show", "head"), 1);
        assertTrue(err.contains("heads"), err);
    }

    @Test
    void aDialectThatCannotRunTheRevisionSaysWhyInPlaceOfItsSql(QuarkusMainLauncher launcher) {
        Path ext = project.file("c4_ext.yaml", """
                revision: c4
                down_revision: 3f2a9c1b7d4e
                message: crypto
                upgrade:
                  - create_extension: {name: pgcrypto, if_not_exists: true}
                """);
        String out = ok(project.run(launcher, "show", "c4"));
        assertTrue(out.contains("-- upgrade (postgresql)\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\n"), out);
        assertTrue(out.contains("-- upgrade (sqlite)\n-- cannot run here: " + ext + ":5: operation 'create_extension' cannot"
                + " run on sqlite: extensions are a PostgreSQL feature;"), out);
        assertTrue(out.contains("-- downgrade (sqlite)\n-- cannot run here: "), out);
    }

    @Test
    void statementsThatRunOutsideATransactionAreMarkedAndEveryStatementEndsItsLine(QuarkusMainLauncher launcher) {
        project.sql("c4", "3f2a9c1b7d4e", "CREATE INDEX CONCURRENTLY ix_devices_id ON devices (id);\nUPDATE devices SET id = 1 -- all",
                "DROP INDEX ix_devices_id;");
        String out = ok(project.run(launcher, "show", "c4"));
        assertTrue(out.contains("-- upgrade (postgresql)\n-- runs outside a transaction (it holds a statement that cannot run in"
                + " one)\nCREATE INDEX CONCURRENTLY ix_devices_id ON devices (id);\nUPDATE devices SET id = 1 -- all\n;\n"), out);
        assertTrue(out.contains("-- downgrade (postgresql)\nDROP INDEX ix_devices_id;"), out);
    }
}
