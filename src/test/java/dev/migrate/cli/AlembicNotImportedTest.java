package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.alembic.NotImportedException;
import dev.migrate.config.ConfigLoader;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** An Alembic environment that was not imported is named as one, never read as an empty history. */
@QuarkusMainTest
@Timeout(120)
class AlembicNotImportedTest {
    private static final String REVISION = String.join("\n", "\"\"\"create users\"\"\"", "from alembic import op", "",
            "revision = 'a1b2c3'", "down_revision = None", "", "", "def upgrade():", "    pass", "", "", "def downgrade():",
            "    pass", "");

    @TempDir
    Path tmp;

    private Project withAlembicRevisionInVersions() throws IOException {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        p.file("a1b2c3_create_users.py", REVISION);
        p.file("__init__.py", "");
        return p;
    }

    @Test
    void historyAndOfflineUpgradeNameImportAlembicForPythonRevisions(QuarkusMainLauncher launcher) throws IOException {
        Project p = withAlembicRevisionInVersions();
        for (String[] command : new String[][] {{"history"}, {"upgrade", "head", "--sql"}, {"heads"}}) {
            String err = fails(p.run(launcher, command), 1);
            assertTrue(err.contains("1 Alembic revision file (a1b2c3_create_users.py)") && err.contains("migrate import-alembic"),
                    String.join(" ", command) + ": " + err);
        }
    }

    @Test
    void anAlembicIniGivenAsTheConfigurationIsNamedAsOne(QuarkusMainLauncher launcher) throws IOException {
        Path ini = Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s/alembic\n");
        String err = fails(launcher.launch("-c", ini.toString(), "history"), 1);
        assertTrue(err.contains("is an Alembic configuration, not a migrate.yaml") && err.contains("migrate import-alembic " + ini),
                err);
        assertTrue(!err.contains("YAML") || err.contains("YAML revisions"), "not read as invalid YAML: " + err);
    }

    @Test
    void anAlembicIniWithoutMigrateYamlInTheWorkingFolderIsNamed() throws IOException {
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
        NotImportedException e = assertThrows(NotImportedException.class, () -> new ConfigLoader(Map.of(), tmp).load(null));
        assertTrue(e.getMessage().contains("no migrate.yaml here, but an Alembic environment")
                && e.getMessage().contains("migrate import-alembic"), e.getMessage());
        Files.writeString(tmp.resolve("migrate.yaml"), "script_location: migrations\n");
        new ConfigLoader(Map.of(), tmp).load(null); // with a migrate.yaml, the ini is Alembic's business
    }

    @Test
    void currentOnARevisionOnlyAnAlembicFileDeclaresSaysWhichFile(QuarkusMainLauncher launcher) throws Exception {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath());
        p.sql("m1", null, "SELECT 1;", "SELECT 1;");
        Files.createDirectories(tmp.resolve("alembic/versions"));
        Files.writeString(tmp.resolve("alembic/versions/a1b2c3_create_users.py"), REVISION);
        Files.writeString(tmp.resolve("alembic.ini"), "[alembic]\nscript_location = %(here)s/alembic\n");
        stampAlembicVersion(tmp.resolve("app.db"), "a1b2c3");
        String err = fails(p.run(launcher, "current"), 1);
        assertTrue(err.contains("Can't locate revision identified by 'a1b2c3'")
                && err.contains("a1b2c3_create_users.py declares it") && err.contains("migrate import-alembic"), err);

        stampAlembicVersion(tmp.resolve("app.db"), "ffff");
        err = fails(p.run(launcher, "current"), 1);
        assertTrue(err.contains("'ffff'") && err.contains("No Alembic revision file") && err.contains("import-alembic"), err);
    }

    private static void stampAlembicVersion(Path db, String id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL,"
                    + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
            s.execute("DELETE FROM alembic_version");
            s.execute("INSERT INTO alembic_version VALUES ('" + id + "')");
        }
    }
}
