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
 * code elsewhere that tests a dialect's name, or asks whether a session or dialect is one
 * database's, is knowledge that a new database would have to find and change by hand.
 */
class FlavorBoundaryTest {
    private static final Pattern NAME = Pattern.compile("\"(postgresql|postgres|sqlite)\"");
    private static final Pattern FLAVOR_TYPE = Pattern.compile("instanceof (Postgres|Sqlite)(Database|Dialect|Inspector|Flavor)\\b");
    private static final List<String> FLAVOR_FOLDERS = List.of("dev/migrate/postgres/", "dev/migrate/sqlite/");
    /**
     * Where the names may still be written: the one list of them; the URL classes, which still
     * parse each database's URL in config/; Alembic's own dialect names in the files it converts.
     */
    private static final Set<String> NAMES_ALLOWED = Set.of("dev/migrate/sql/DialectNames.java",
            "dev/migrate/config/PostgresUrl.java", "dev/migrate/config/SqliteUrl.java",
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
