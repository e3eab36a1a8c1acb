package dev.migrate.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver's native library is written once into the cache folder and loaded from
 * there by every later run: no run leaves a copy in the temp folder.
 */
class SqliteNativeLibraryTest {
    @TempDir
    Path tmp;

    private static byte[] bundledLibrary() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theLibraryIsWrittenOnceAndReused() throws Exception {
        Path cache = tmp.resolve("cache");
        Path first = SqliteNativeLibrary.install(cache).orElseThrow();
        assertArrayEquals(bundledLibrary(), Files.readAllBytes(first));
        assertTrue(first.getFileName().toString().equals(LibraryLoaderUtil.getNativeLibName()), first.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getParent())));

        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(first, written);
        Path second = SqliteNativeLibrary.install(cache).orElseThrow();
        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second), "an identical copy is not rewritten");
        assertEquals(List.of(first), filesUnder(cache), "one library, no leftovers");
    }

    @Test
    void aFolderOthersCanWriteIsNotUsed() throws Exception {
        Path cache = tmp.resolve("shared");
        Path dir = SqliteNativeLibrary.install(cache).orElseThrow().getParent();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.empty(), SqliteNativeLibrary.install(cache));
    }

    @Test
    void anUnusableCacheFolderLeavesTheDriverItsOwnWay() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        assertEquals(Optional.empty(), SqliteNativeLibrary.install(notAFolder.resolve("migrate")));
    }

    @Test
    void runsLeaveNothingInTheTempFolder() throws Exception {
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        Path cache = tmp.resolve("cache");
        for (int run = 0; run < 2; run++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                    SqliteOnce.class.getName(), tmp.resolve("app.db").toString()).redirectErrorStream(true);
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.strip().startsWith(cache.resolve("migrate").toString()), "loaded from the cache: " + output);
        }
        assertEquals(List.of(), filesUnder(temp), "nothing extracted into the temp folder");
        assertEquals(1, filesUnder(cache).size(), "one library in the cache: " + filesUnder(cache));
    }
}
