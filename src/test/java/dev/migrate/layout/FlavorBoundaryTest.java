package dev.migrate.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrate.core.Flavors;
import dev.migrate.flavor.Flavor;
import dev.migrate.sql.DialectNames;

/**
 * What is particular to one database lives in its folder ({@code postgres/}, {@code sqlite/}):
 * code elsewhere that tests a dialect's name, asks whether a session or dialect is one
 * database's, or uses a database driver's own types, is knowledge that a new database would have
 * to find and change by hand.
 */
class FlavorBoundaryTest {
    private static final Pattern NAME = Pattern.compile("\"(postgresql|postgres|sqlite)\"");
    /** Asking whether a session, dialect, inspector, flavor or URL is one database's: by instanceof or a cast. */
    private static final Pattern FLAVOR_TYPE = Pattern.compile("instanceof (Postgres|Sqlite)(Database|Dialect|Inspector|Flavor|Url)\\b"
            + "|\\((Postgres|Sqlite)(Database|Dialect|Inspector|Flavor|Url)\\)\\s*[\\w(]");
    /**
     * A database driver's packages, imported or written out in full: the Vert.x PostgreSQL and SQL
     * clients (their Mutiny forms too), the SQLite driver, and JDBC, which only the SQLite flavor
     * uses. Vert.x's core (the event loop a flavor may ask for) is no driver. Nothing outside the
     * flavor folders uses one, so there is no allow-list.
     */
    private static final Pattern DRIVER_TYPE = Pattern.compile(
            "\\b(?:io\\.vertx\\.(?:mutiny\\.)?(?:pgclient|sqlclient)|org\\.sqlite|javax?\\.sql)\\.[\\w.*]+");
    private static final List<String> FLAVOR_FOLDERS = List.of("dev/migrate/postgres/", "dev/migrate/sqlite/");
    /**
     * Where the names may still be written: the one list of them; and the Alembic import, which
     * reads SQLAlchemy's dialect names in the Python it converts ({@code if op.get_bind().dialect.name
     * == "postgresql":} in RevisionConverter) and writes a revision's per-dialect steps for the two
     * databases SQLAlchemy types differ on (Serial: SERIAL on PostgreSQL, the SQLite type on SQLite).
     * Those names are Alembic's, fixed by the files being imported, not a choice among flavors that a
     * new database would extend.
     */
    private static final Set<String> NAMES_ALLOWED = Set.of("dev/migrate/sql/DialectNames.java",
            "dev/migrate/alembic/RevisionConverter.java", "dev/migrate/alembic/Serial.java");
    @Test
    void noDialectNameIsTestedOutsideTheFlavorFolders() {
        List<String> found = new ArrayList<>();
        for (MainSources.Source s : MainSources.read().files()) {
            if (FLAVOR_FOLDERS.stream().anyMatch(s.path()::startsWith)) continue;
            String code = withoutComments(s.text());
            if (!NAMES_ALLOWED.contains(s.path())) found.addAll(MainSources.hits(s.path(), code, NAME));
            found.addAll(MainSources.hits(s.path(), code, FLAVOR_TYPE));
        }
        assertEquals(List.of(), found, "database-specific tests outside postgres/ and sqlite/ (move them into the flavor)");
    }

    /**
     * The engine runs and writes what the flavor gives it: what one database needs besides (the
     * SQLite schema model an offline script keeps for its table rebuilds) comes through the
     * dialect, so no class of the engine names a flavor's.
     */
    @Test
    void theEngineImportsNoFlavor() {
        List<String> found = new ArrayList<>();
        for (MainSources.Source s : MainSources.read().files()) {
            if (!s.pkg().equals("dev.migrate.engine") && !s.pkg().startsWith("dev.migrate.engine.")) continue;
            for (String p : s.importedPackages()) {
                if (FLAVOR_FOLDERS.stream().anyMatch(f -> (p.replace('.', '/') + "/").startsWith(f))) found.add(s.path() + " imports " + p);
            }
        }
        assertEquals(List.of(), found, "the engine reaches a database's particulars through its flavor or dialect");
    }

    @Test
    void noDriverTypeIsUsedOutsideTheFlavorFolders() {
        List<String> found = new ArrayList<>();
        for (MainSources.Source s : MainSources.read().files()) {
            if (FLAVOR_FOLDERS.stream().anyMatch(s.path()::startsWith)) continue;
            found.addAll(MainSources.hits(s.path(), withoutComments(s.text()), DRIVER_TYPE));
        }
        assertEquals(List.of(), found, "database driver types outside postgres/ and sqlite/ (ask the flavor or its dialect instead)");
    }

    @Test
    void aDriverTypeIsFoundByFileAndLine() {
        String code = "package dev.migrate.engine;\n\nimport io.vertx.pgclient.PgException;\nimport io.vertx.core.Vertx;\n"
                + "// org.sqlite.SQLiteConfig in a comment is no use\nclass A { java.sql.SQLException e; io.vertx.mutiny.sqlclient.Row r; }\n";
        assertEquals(List.of("engine/A.java:3: io.vertx.pgclient.PgException", "engine/A.java:6: java.sql.SQLException",
                "engine/A.java:6: io.vertx.mutiny.sqlclient.Row"), MainSources.hits("engine/A.java", withoutComments(code), DRIVER_TYPE));
    }

    @Test
    void everyFlavorIsCalledByOneOfTheKnownNames() {
        assertEquals(DialectNames.ALL, Flavors.all().stream().map(Flavor::name).toList());
    }

    /** Comments blanked out, line breaks kept so that line numbers stay right. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"", Pattern.DOTALL).matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String hit = m.group();
            out.append(hit.startsWith("\"") ? hit : hit.replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }
}
