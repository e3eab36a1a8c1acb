package dev.migrate.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The command line ({@code cli/}) and the Java API ({@code api/}) call the application layer
 * ({@code core/}) and nothing under it: no engine, dialect, flavor, database or inspector. What
 * they show may be a type of the packages that describe revisions, schemas and results (graph/,
 * schema/, diff/, lint/, revision/, config/, errors/, sql/); how a database is read or changed is
 * a method of core's {@code Application}, so both front ends do it the same way and either can be
 * replaced without touching the engine.
 */
class ApplicationLayerTest {
    private static final List<String> FRONT_ENDS = List.of("dev.migrate.cli", "dev.migrate.api");
    /** The packages below core/, and those under them; a name written out in full counts as an import does. */
    private static final Pattern BELOW_CORE = Pattern.compile(
            "\\bdev\\.migrate\\.(?:engine|dialect|postgres|sqlite|inspect|flavor)\\.[\\w.]*\\w");

    @Test
    void theFrontEndsImportNothingBelowTheApplicationLayer() {
        List<String> found = new ArrayList<>();
        int read = 0;
        for (MainSources.Source s : MainSources.read().files()) {
            if (!FRONT_ENDS.contains(s.pkg())) continue;
            read++;
            found.addAll(forbidden(s.path(), s.text()));
        }
        assertFalse(read == 0, "no sources found under cli/ or api/");
        assertEquals(List.of(), found, "cli/ and api/ reach below core/: give core/Application (or a core value) what they need");
    }

    @Test
    void anImportBelowIsNamedWithItsFileAndLine() {
        String text = "package dev.migrate.cli;\n\nimport java.util.List;\nimport dev.migrate.engine.interrupt.Interruption;\n"
                + "import dev.migrate.engineering.Fine;\nimport dev.migrate.core.Application;\n\n"
                + "class X {\n    dev.migrate.dialect.Dialect d;\n}\n";
        assertEquals(List.of("dev/migrate/cli/X.java:4: dev.migrate.engine.interrupt.Interruption",
                        "dev/migrate/cli/X.java:9: dev.migrate.dialect.Dialect"),
                forbidden("dev/migrate/cli/X.java", text));
    }

    /** {@code path:line: name} for each import of (or name written out in) a package {@link #BELOW_CORE}. */
    private static List<String> forbidden(String path, String text) {
        return MainSources.hits(path, text, BELOW_CORE);
    }
}
