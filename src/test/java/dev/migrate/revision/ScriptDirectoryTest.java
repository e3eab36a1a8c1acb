package dev.migrate.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.graph.Revision;
import dev.migrate.yaml.SourceException;

class ScriptDirectoryTest {
    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static void sql(Path folder, String name, String id, String down) throws IOException {
        Files.writeString(folder.resolve(name), "-- revision: " + id + "\n-- down_revision: " + down
                + "\n-- migrate:upgrade\nSELECT 1;\n");
    }

    @Test
    void loadsRevisionFilesOfSeveralFoldersAndSkipsTheRest() throws IOException {
        Path a = folder("versions");
        Path b = folder("more");
        sql(a, "b_second.sql", "b2", "a1");
        Files.writeString(a.resolve("a_first.yaml"), "revision: a1\nupgrade: []\n");
        Files.writeString(a.resolve("README.md"), "notes");
        Files.writeString(a.resolve("README.sql"), "not a revision");
        Files.writeString(a.resolve(".hidden.sql"), "not a revision");
        Files.writeString(a.resolve("script.yaml.tmpl"), "revision: ${revision}");
        Files.writeString(a.resolve("notes.txt"), "x");
        Files.writeString(a.resolve("backup.sql~"), "x");
        Files.createDirectories(a.resolve("sub.sql"));
        Path nested = Files.createDirectories(a.resolve("nested"));
        sql(nested, "n.sql", "n1", "null");
        Files.writeString(b.resolve("c.yml"), "revision: c3\ndown_revision: b2\nupgrade: []\n");

        ScriptDirectory d = ScriptDirectory.load(List.of(a, b));
        assertEquals(List.of("a1", "b2", "c3"), d.scripts().stream().map(RevisionScript::id).collect(Collectors.toList()));
        assertEquals(List.of("a1", "b2", "c3"), d.revisions().stream().map(Revision::id).collect(Collectors.toList()));
        assertEquals(List.of("a1"), d.byId("b2").revision().downRevisions());
        assertEquals(b.resolve("c.yml"), d.byId("c3").file());
        assertTrue(d.contains("a1"));
        assertFalse(d.contains("n1"));
        assertEquals(List.of(a, b), d.folders());
    }

    @Test
    void unknownIdIsAnError() throws IOException {
        ScriptDirectory d = ScriptDirectory.load(List.of(folder("v")));
        assertTrue(d.scripts().isEmpty());
        assertTrue(assertThrows(UnknownRevisionException.class, () -> d.byId("abc")).getMessage().contains("'abc'"));
    }

    @Test
    void missingFolderIsAClearError() {
        Path missing = dir.resolve("nope");
        VersionFolderNotFoundException e = assertThrows(VersionFolderNotFoundException.class,
                () -> ScriptDirectory.load(List.of(missing)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("version_locations"), e.getMessage());
    }

    @Test
    void duplicateIdNamesBothFiles() throws IOException {
        Path a = folder("v");
        sql(a, "one.sql", "same", "null");
        sql(a, "two.sql", "same", "null");
        DuplicateRevisionException e = assertThrows(DuplicateRevisionException.class, () -> ScriptDirectory.load(List.of(a)));
        assertTrue(e.getMessage().contains("one.sql") && e.getMessage().contains("two.sql"), e.getMessage());
    }

    @Test
    void firstBadFileInOrderIsReported() throws IOException {
        Path a = folder("v");
        for (int i = 0; i < 50; i++) sql(a, String.format("r%03d.sql", i), "r" + i, "null");
        Files.writeString(a.resolve("r010x.sql"), "SELECT 1;\n");
        Files.writeString(a.resolve("r040x.sql"), "SELECT 1;\n");
        SourceException e = assertThrows(SourceException.class, () -> ScriptDirectory.load(List.of(a)));
        assertTrue(e.origin().endsWith("r010x.sql"), e.getMessage());
    }

    @Test
    void loadsTenThousandFiles() throws IOException {
        Path a = folder("big");
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("%012x", i);
            String down = i == 0 ? "null" : String.format("%012x", i - 1);
            if (i % 2 == 0) {
                sql(a, id + "_step.sql", id, down);
            } else {
                Files.writeString(a.resolve(id + "_step.yaml"), "revision: " + id + "\ndown_revision: " + down
                        + "\nmessage: step " + i + "\nupgrade: []\n");
            }
        }
        ScriptDirectory d = ScriptDirectory.load(List.of(a));
        assertEquals(10_000, d.scripts().size());
        assertEquals(List.of(String.format("%012x", 9_998)), d.byId(String.format("%012x", 9_999)).revision().downRevisions());
    }
}
