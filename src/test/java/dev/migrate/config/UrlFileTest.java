package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;

class UrlFileTest {
    @TempDir
    Path work;

    @Test
    void oneUrlPerLineWithItsLineAndVariablesExpanded() throws IOException {
        Files.writeString(work.resolve("urls.txt"), "\uFEFF# tenants\n\n  sqlite:///a.db  \n#sqlite:///skipped.db\n"
                + "postgresql://app:${PW}@db/b\r\n");
        List<ConfiguredUrl> urls = UrlFile.read("urls.txt", Map.of("PW", "secret"), work);
        assertEquals(List.of("sqlite:///a.db", "postgresql://app:secret@db/b"), urls.stream().map(ConfiguredUrl::text).toList());
        assertEquals(List.of("urls.txt:3", "urls.txt:5"), urls.stream().map(ConfiguredUrl::source).toList());
        assertEquals("postgresql://app:***@db/b", urls.get(1).masked());
    }

    @Test
    void mistakesNameTheFileAndLineAndNeverTheSecret() throws IOException {
        Files.writeString(work.resolve("urls.txt"), "sqlite:///a.db\npostgresql://app:hunter2${NOPE}@db/b\n");
        UnsetVariableException e = assertThrows(UnsetVariableException.class, () -> UrlFile.read("urls.txt", Map.of(), work));
        assertEquals("urls.txt:2: environment variable NOPE is not set; set it, or write ${NOPE:-default} to give a default",
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
        Files.writeString(work.resolve("empty.txt"), "# none\n   \n");
        assertEquals(2, assertThrows(MigrateException.class, () -> UrlFile.read("empty.txt", Map.of(), work)).exitCode());
    }

    /** A file that is not there or not readable is a failure (exit 1, as a missing --config file), never a usage error. */
    @Test
    void aFileThatCannotBeReadSaysWhy() throws IOException {
        MigrateException missing = assertThrows(MigrateException.class, () -> UrlFile.read("missing.txt", Map.of(), work));
        assertEquals("--url-file missing.txt does not exist", missing.getMessage());
        assertEquals(1, missing.exitCode());

        Files.createDirectory(work.resolve("tenants"));
        MigrateException folder = assertThrows(MigrateException.class, () -> UrlFile.read("tenants", Map.of(), work));
        assertEquals("--url-file tenants is a folder, not a file of URLs", folder.getMessage());
        assertEquals(1, folder.exitCode());

        // "sqlite:///café.db" in Latin-1: the é is one byte that is not UTF-8.
        Files.write(work.resolve("latin1.txt"), "sqlite:///caf\u00e9.db\n".getBytes(StandardCharsets.ISO_8859_1));
        MigrateException latin1 = assertThrows(MigrateException.class, () -> UrlFile.read("latin1.txt", Map.of(), work));
        assertEquals("--url-file latin1.txt is not UTF-8 text: save it as UTF-8, one URL per line", latin1.getMessage());
        assertEquals(1, latin1.exitCode());
    }
}
