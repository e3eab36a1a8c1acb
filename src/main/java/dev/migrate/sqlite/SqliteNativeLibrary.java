package dev.migrate.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where the SQLite driver's native library is loaded from. Left alone, the driver copies the
 * library (about 1 MB) out of the jar or the native executable into the temp folder on every
 * start, under a new name each time, and deletes it only on a normal exit: a killed run leaves it
 * behind, and a temp folder mounted noexec breaks SQLite altogether. Instead the library is
 * written once into the user's cache folder, named after its content, and every later run loads
 * that copy. When no cache folder is usable the driver keeps its own way.
 */
final class SqliteNativeLibrary {
    /** The driver's settings: a folder holding the library, and the library's file name. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    /** Which copy of the driver classes loaded the cached library: the JVM allows a library in one class loader only. */
    static final String OWNER_PROPERTY = "dev.migrate.sqlite.lib.owner";

    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the cached library; once per process, before the first connection. */
    static synchronized void prepare() {
        if (prepared) return;
        prepared = true;
        String self = Integer.toHexString(System.identityHashCode(SQLiteJDBCLoader.class));
        String owner = System.getProperty(OWNER_PROPERTY);
        if (owner != null) {
            if (!owner.equals(self)) {
                // The driver was loaded again by another class loader of this JVM (tests, an application's hot
                // reload), and the cached library is already bound to the first one: this one extracts its own.
                System.clearProperty(PATH_PROPERTY);
                System.clearProperty(NAME_PROPERTY);
            }
            return;
        }
        // Someone chose the library explicitly (-Dorg.sqlite.lib.path): theirs wins.
        if (System.getProperty(PATH_PROPERTY) != null) return;
        for (Path root : cacheRoots()) {
            Optional<Path> library = install(root);
            if (library.isPresent()) {
                System.setProperty(PATH_PROPERTY, library.get().getParent().toString());
                System.setProperty(NAME_PROPERTY, library.get().getFileName().toString());
                System.setProperty(OWNER_PROPERTY, self);
                return;
            }
        }
    }

    /**
     * The library under {@code root}, written there unless an identical copy already is; empty
     * when the folder cannot be used (not writable, writable by others, no library for this
     * platform), so the caller falls back to the driver's own extraction.
     */
    static Optional<Path> install(Path root) {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        byte[] content;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(folder + "/" + name)) {
            if (in == null) return Optional.empty();
            content = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Named after the content, so a newer driver never loads an older copy and no copy is ever rewritten.
        CRC32C crc = new CRC32C();
        crc.update(content);
        String platform = folder.substring(folder.lastIndexOf("/native/") + "/native/".length()).replace('/', '-');
        Path dir = root.resolve(String.format(Locale.ROOT, "sqlite-%s-%d-%08x", platform, content.length, crc.getValue()));
        Path library = dir.resolve(name);
        try {
            createPrivateDirectories(dir);
            if (!onlyWritableByItsOwner(dir)) return Optional.empty();
            if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS) && Files.size(library) == content.length) {
                return Optional.of(library);
            }
            // Written beside, then renamed: a run starting meanwhile never loads half a library.
            Path partial = posix()
                    ? Files.createTempFile(dir, name, ".partial", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempFile(dir, name, ".partial");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    out.write(content);
                }
                move(partial, library);
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(library);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** $XDG_CACHE_HOME, else the platform's per-user cache folder. */
    static List<Path> cacheRoots() {
        List<Path> roots = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) roots.add(Path.of(xdg, "migrate"));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?") && Path.of(home).isAbsolute()) {
            boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
            roots.add(mac ? Path.of(home, "Library", "Caches", "migrate") : Path.of(home, ".cache", "migrate"));
        }
        return roots;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** A library others could replace must not be loaded into this process. */
    private static boolean onlyWritableByItsOwner(Path dir) throws IOException {
        if (!posix()) return true;
        Set<PosixFilePermission> permissions = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
        return !permissions.contains(PosixFilePermission.GROUP_WRITE) && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
