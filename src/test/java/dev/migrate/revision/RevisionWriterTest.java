package dev.migrate.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;

class RevisionWriterTest {
    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");
    private static final ZonedDateTime TIME = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneId.of("UTC"));

    private RevisionWriter writer(String fileTemplate, String zone, Path scriptLocation, Map<String, String> values) {
        RevisionWriter.Settings s = new RevisionWriter.Settings(fileTemplate, 40, ZoneId.of(zone), scriptLocation, values);
        return new RevisionWriter(s, Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    private RevisionWriter writer() {
        return writer("%(rev)s_%(slug)s", "UTC", null, Map.of());
    }

    private static RevisionWriter.Request request(String message, List<String> down, String revId, Format format) {
        return new RevisionWriter.Request(message, down, List.of(), List.of(), revId, format, null, null);
    }

    @Test
    void slugIsMadeLikeAlembic() {
        assertEquals("add_device_status", Slug.of("Add device status!", 40));
        assertEquals("fix_users_email_index_v2", Slug.of("  fix: users.email index (v2) ", 40));
        assertEquals("snake_case_kept", Slug.of("snake_case--kept", 40));
        assertEquals("", Slug.of("", 40));
        assertEquals("", Slug.of(null, 40));
        assertEquals("caf\u00e9_cr\u00e8me", Slug.of("Caf\u00e9 cr\u00e8me", 40));
        // cut at 20 = "a_rather_long_messag", back to the last word boundary, then '_'
        assertEquals("a_rather_long_", Slug.of("a rather long message that goes on", 20));
        assertEquals("abcdefghij_", Slug.of("abcdefghijklmnop", 10));
        assertEquals("exactly_ten", Slug.of("exactly ten", 11));
    }

    @Test
    void fileTemplateTokens() {
        assertEquals("abc_my_slug", FileNameTemplate.render("%(rev)s_%(slug)s", "abc", "my_slug", TIME));
        assertEquals("2026_03_04_0506_07-abc", FileNameTemplate.render("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d_%(second).2d-%(rev)s", "abc", "", TIME));
        assertEquals("2026-3-4", FileNameTemplate.render("%(year)s-%(month)s-%(day)s", "abc", "", TIME));
        assertEquals("03_100%", FileNameTemplate.render("%(month)02d_100%%", "abc", "", TIME));
        assertEquals(Long.toString(TIME.toEpochSecond()), FileNameTemplate.render("%(epoch)s", "abc", "", TIME));
        assertTrue(assertThrows(MigrateException.class, () -> FileNameTemplate.render("%(revision)s", "a", "", TIME))
                .getMessage().contains("unknown token %(revision)"));
        assertThrows(MigrateException.class, () -> FileNameTemplate.render("%(rev)d", "a", "", TIME));
        assertThrows(MigrateException.class, () -> FileNameTemplate.render("%(rev)", "a", "", TIME));
        assertThrows(MigrateException.class, () -> FileNameTemplate.render("50% done", "a", "", TIME));
    }

    @Test
    void writesAYamlRevisionThatReadsBack() throws IOException {
        Path file = writer().write(request("add device status", List.of("1975ea83b712"), "3f2a9c1b7d4e", Format.YAML), dir, Set.of());
        assertEquals(dir.resolve("3f2a9c1b7d4e_add_device_status.yaml"), file);
        RevisionScript s = RevisionScript.load(file);
        assertEquals("3f2a9c1b7d4e", s.id());
        assertEquals(List.of("1975ea83b712"), s.revision().downRevisions());
        assertEquals("add device status", s.message());
        assertEquals("2026-11-21 15:00:00.000000", s.createDate());
        assertTrue(s.transactional());
        String text = Files.readString(file);
        assertTrue(text.contains("\nupgrade: []\n"), text);
        assertTrue(text.contains("create_date: 2026-11-21 15:00:00.000000\n"), text);
    }

    @Test
    void awkwardValuesRoundTripThroughTheYamlParser() throws IOException {
        String[] messages = {
            "fix: the \"quoted\" thing", "it's 'single'", "- looks like a list", "# not a comment", "null", "true",
            "100", "a: b #c", "trailing space ", "back\\slash", "tab\there", "{flow}", "[x]", "&anchor *alias", "@at `tick`",
            "% percent", "caf\u00e9 \u2603", "!tag", "|literal", ">folded", "?question", "",
        };
        int i = 0;
        for (String m : messages) {
            String id = "r" + i++;
            Path f = writer().write(request(m, List.of(), id, Format.YAML), dir, Set.of());
            RevisionScript s = RevisionScript.load(f);
            assertEquals(m, s.message(), f.toString());
            assertEquals(id, s.id());
        }
    }

    @Test
    void reservedWordIdsAndListsAreQuoted() throws IOException {
        RevisionWriter.Request r = new RevisionWriter.Request("merge", List.of("null", "true"), List.of("my-label", "x: y"),
                List.of("0001"), "yes", Format.YAML, null, null);
        RevisionScript s = RevisionScript.load(writer().write(r, dir, Set.of()));
        assertEquals("yes", s.id());
        assertEquals(List.of("null", "true"), s.revision().downRevisions());
        assertEquals(List.of("my-label", "x: y"), s.revision().branchLabels());
        assertEquals(List.of("0001"), s.revision().dependsOn());
    }

    @Test
    void writesASqlRevisionWithBody() throws IOException {
        RevisionWriter.Request r = new RevisionWriter.Request("merge heads\nsecond line", List.of("a1", "b2"),
                List.of("main"), List.of(), "m1", Format.SQL, "SELECT 1;", "SELECT 2;");
        Path file = writer().write(r, dir, Set.of());
        assertEquals("m1_merge_heads_second_line.sql", file.getFileName().toString());
        RevisionScript s = RevisionScript.load(file);
        assertEquals(List.of("a1", "b2"), s.revision().downRevisions());
        assertEquals(List.of("main"), s.revision().branchLabels());
        assertEquals("merge heads second line", s.message());
        assertEquals("2026-11-21 15:00:00.000000", s.createDate());
        SqlBody body = (SqlBody) s.body();
        assertEquals("SELECT 1", body.upgrade("postgresql").get(0).sql());
        assertEquals("SELECT 2", body.downgrade("postgresql").get(0).sql());
    }

    @Test
    void yamlBodyTextIsIndentedUnderItsKey() throws IOException {
        RevisionWriter.Request r = new RevisionWriter.Request("m", List.of(), List.of(), List.of(), "y1", Format.YAML,
                "- execute: SELECT 1\n- execute: SELECT 2\n", null);
        String text = Files.readString(writer().write(r, dir, Set.of()));
        assertTrue(text.contains("\nupgrade:\n  - execute: SELECT 1\n  - execute: SELECT 2\n"), text);
        assertTrue(text.contains("\ndowngrade: []"), text);
    }

    @Test
    void createDateUsesTheConfiguredTimezone() throws IOException {
        Path f = writer("%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d_%(rev)s", "Asia/Tokyo", null, Map.of())
                .write(request("x", List.of(), "t1", Format.YAML), dir, Set.of());
        assertEquals("20261122_0000_t1.yaml", f.getFileName().toString());
        assertEquals("2026-11-22 00:00:00.000000", RevisionScript.load(f).createDate());
    }

    @Test
    void generatedIdsAreTwelveHexCharacters() throws IOException {
        Path f = writer().write(request("first", List.of(), null, Format.SQL), dir, Set.of());
        String id = RevisionScript.load(f).id();
        assertEquals(12, id.length());
        assertTrue(id.chars().allMatch(c -> Character.digit(c, 16) >= 0 && !Character.isUpperCase(c)), id);
        assertEquals(id + "_first.sql", f.getFileName().toString());
    }

    @Test
    void revIdIsValidatedAndMustBeNew() {
        MigrateException bad = assertThrows(MigrateException.class,
                () -> writer().write(request("x", List.of(), "not valid!", Format.YAML), dir, Set.of()));
        assertEquals(2, bad.exitCode());
        RevisionExistsException taken = assertThrows(RevisionExistsException.class,
                () -> writer().write(request("x", List.of(), "abc", Format.YAML), dir, Set.of("abc")));
        assertTrue(taken.getMessage().contains("'abc'"), taken.getMessage());
    }

    @Test
    void revIdsWithADotAreWrittenAndReadBack() throws IOException {
        for (Format format : Format.values()) {
            Path folder = Files.createDirectories(dir.resolve(format.name()));
            Path first = writer().write(request("first", List.of(), "1.0", format), folder, Set.of());
            writer().write(request("second", List.of("1.0"), "1.2_add", format), folder, Set.of("1.0"));
            assertTrue(first.getFileName().toString().startsWith("1.0_first."), first.toString());
            ScriptDirectory scripts = ScriptDirectory.load(List.of(folder));
            assertEquals("1.0", scripts.byId("1.0").id());
            assertEquals(List.of("1.0"), scripts.byId("1.2_add").revision().downRevisions());
        }
    }

    @Test
    void refusesToOverwriteAFile() throws IOException {
        Files.writeString(dir.resolve("abc_x.yaml"), "mine");
        RevisionExistsException e = assertThrows(RevisionExistsException.class,
                () -> writer().write(request("x", List.of(), "abc", Format.YAML), dir, Set.of()));
        assertTrue(e.getMessage().contains("abc_x.yaml"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("abc_x.yaml")));
    }

    @Test
    void missingFolderIsAnError() {
        assertThrows(VersionFolderNotFoundException.class,
                () -> writer().write(request("x", List.of(), "abc", Format.YAML), dir.resolve("nope"), Set.of()));
    }

    @Test
    void environmentTemplateAndXValuesAreUsed() throws IOException {
        Path env = Files.createDirectories(dir.resolve("migrations"));
        Path versions = Files.createDirectories(env.resolve("versions"));
        Files.writeString(env.resolve("script.sql.tmpl"), "-- ticket ${x.ticket}\n-- revision: ${revision}\n"
                + "-- down_revision: ${down_revision}\n-- message: ${message}\n-- migrate:upgrade\n"
                + "SET search_path TO ${x.schema};\n");
        Path f = writer("%(rev)s", "UTC", env, Map.of("ticket", "T-42")).write(request("m", List.of(), "e1", Format.SQL), versions, Set.of());
        String text = Files.readString(f);
        assertTrue(text.startsWith("-- ticket T-42\n-- revision: e1\n-- down_revision: null\n-- message: m\n"), text);
        assertTrue(text.contains("SET search_path TO ${x.schema};"), text);
        // the YAML template is not customised here: the built-in one is used
        Path y = writer("%(rev)s", "UTC", env, Map.of()).write(request("m", List.of(), "e2", Format.YAML), versions, Set.of());
        assertEquals("e2", RevisionScript.load(y).id());
    }

    @Test
    void brokenTemplateWritesNothing() throws IOException {
        Path env = Files.createDirectories(dir.resolve("env"));
        Files.writeString(env.resolve("script.yaml.tmpl"), "revision: ${revison}\nupgrade: []\n");
        MigrateException e = assertThrows(MigrateException.class,
                () -> writer("%(rev)s", "UTC", env, Map.of()).write(request("m", List.of(), "b1", Format.YAML), dir, Set.of()));
        assertTrue(e.getMessage().contains("${revison}"), e.getMessage());
        Files.writeString(env.resolve("script.yaml.tmpl"), "revision: ${revision}\nmessage: ${message}\n");
        MigrateException e2 = assertThrows(MigrateException.class,
                () -> writer("%(rev)s", "UTC", env, Map.of()).write(request("m", List.of(), "b1", Format.YAML), dir, Set.of()));
        assertTrue(e2.getMessage().contains("does not read back"), e2.getMessage());
        assertFalse(Files.exists(dir.resolve("b1.yaml")));
    }

    @Test
    void writtenFilesAreLoadedByTheScriptDirectory() throws IOException {
        RevisionWriter w = writer();
        Path a = w.write(request("one", List.of(), "a1", Format.YAML), dir, Set.of());
        w.write(request("two", List.of("a1"), "b2", Format.SQL), dir, Set.of("a1"));
        ScriptDirectory d = ScriptDirectory.load(List.of(dir));
        assertEquals(List.of("a1", "b2"), d.scripts().stream().map(RevisionScript::id).collect(Collectors.toList()));
        assertEquals(a, d.byId("a1").file());
    }
}
