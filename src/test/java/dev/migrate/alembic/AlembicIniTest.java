package dev.migrate.alembic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;

/** alembic.ini read with configparser's rules, and its folders resolved as Alembic 1.8 resolves them. */
class AlembicIniTest {
    @TempDir
    Path tmp;

    private static AlembicIni ini(String text) {
        return AlembicIni.parse(text, "/project", "alembic.ini");
    }

    @Test
    void hereDoubledPercentReferencesAndDefaults() {
        AlembicIni c = ini(String.join("\n", "[DEFAULT]", "root = %(here)s/db", "", "[alembic]", "; a comment",
                "script_location = %(root)s/alembic", "file_template = %%(rev)s_%%(slug)s", "Timezone: UTC", ""));
        assertEquals("/project/db/alembic", c.get("alembic", "script_location"));
        assertEquals("%(rev)s_%(slug)s", c.get("alembic", "file_template"));
        assertEquals("UTC", c.get("alembic", "timezone"), "keys are case-insensitive; ':' separates too");
        assertEquals("/project/db", c.get("alembic", "root"), "[DEFAULT] is seen from every section");
    }

    @Test
    void multiLineValuesAndMissingKeys() {
        AlembicIni c = ini("[alembic]\nversion_locations = a\n    b\n\n# done\n");
        assertEquals("a\nb", c.get("alembic", "version_locations"));
        assertNull(c.get("alembic", "sqlalchemy.url"));
        assertNull(c.get("nowhere", "script_location"));
        MigrateException unknown = assertThrows(MigrateException.class, () -> ini("[alembic]\nx = %(nothing)s\n").get("alembic", "x"));
        assertTrue(unknown.getMessage().contains("'%(nothing)s' names no setting in [alembic]"), unknown.getMessage());
    }

    @Test
    void aLineThatIsNotIniNamesFileAndLine() {
        MigrateException e = assertThrows(MigrateException.class, () -> ini("[alembic]\nscript_location = a\njust words\n"));
        assertEquals("alembic.ini:3: not an ini line (expected [section] or key = value)", e.getMessage());
    }

    private AlembicLayout layout(String alembicSection, Path workDir) throws IOException {
        Files.createDirectories(tmp.resolve("project/alembic"));
        Path ini = Files.writeString(tmp.resolve("project/alembic.ini"), "[alembic]\n" + alembicSection);
        return AlembicLayout.read(ini, workDir);
    }

    @Test
    void versionPathSeparatorVariants() throws IOException {
        Path p = tmp.resolve("project");
        String two = "version_locations = %(here)s/a %(here)s/b,%(here)s/c\n";
        assertEquals(List.of(p.resolve("a"), p.resolve("b"), p.resolve("c")),
                layout("script_location = %(here)s/alembic\n" + two, tmp).versionFolders(), "no separator: spaces and commas");
        assertEquals(List.of(p.resolve("a"), p.resolve("b,%(here)s/c".replace("%(here)s", p.toString()))),
                layout("script_location = %(here)s/alembic\nversion_path_separator = space\n" + two, tmp).versionFolders());
        assertEquals(List.of(p.resolve("x"), p.resolve("y")), layout("script_location = %(here)s/alembic\n"
                + "version_path_separator = ;\nversion_locations = %(here)s/x;%(here)s/y\n", tmp).versionFolders());
        assertEquals(List.of(p.resolve("x"), p.resolve("y")), layout("script_location = %(here)s/alembic\n"
                + "version_path_separator = os\nversion_locations = %(here)s/x" + File.pathSeparator + "%(here)s/y\n", tmp)
                .versionFolders());
        assertEquals(List.of(p.resolve("alembic/versions")), layout("script_location = %(here)s/alembic\n", tmp).versionFolders());
        MigrateException bad = assertThrows(MigrateException.class, () -> layout("script_location = %(here)s/alembic\n"
                + "version_path_separator = newline\nversion_locations = a\n", tmp));
        assertTrue(bad.getMessage().contains("'newline' is not a valid value for version_path_separator"), bad.getMessage());
    }

    @Test
    void aRelativeScriptLocationIsReadFromTheCurrentDirectoryAsAlembicReadsIt() throws IOException {
        Path project = tmp.resolve("project");
        AlembicLayout fromProject = layout("script_location = alembic\nversion_locations = alembic/versions\n", project);
        assertEquals(project.resolve("alembic"), fromProject.scripts());
        assertEquals(List.of(project.resolve("alembic/versions")), fromProject.versionFolders());
        MigrateException elsewhere = assertThrows(MigrateException.class, () -> layout("script_location = alembic\n", tmp));
        assertTrue(elsewhere.getMessage().contains("script_location 'alembic' is " + tmp.resolve("alembic") + ", which does not exist")
                && elsewhere.getMessage().contains("from the current directory"), elsewhere.getMessage());
        MigrateException resource = assertThrows(MigrateException.class, () -> layout("script_location = myapp:migrations\n", tmp));
        assertTrue(resource.getMessage().contains("package resource"), resource.getMessage());
    }
}
