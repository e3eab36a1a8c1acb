package dev.migrate.alembic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrate.MigrateException;

/**
 * Signs of an Alembic environment that was not imported: revision files ({@code *.py} declaring
 * {@code revision = '...'}) and {@code alembic.ini}. Commands look for them so that an Alembic
 * history is never read as an empty one.
 */
public final class AlembicFiles {
    public static final String INI = "alembic.ini";
    /** How a revision file declares its id, with or without the annotation newer templates write. */
    private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(?::\\s*str\\s*)?=\\s*['\"]([^'\"]+)['\"]");

    private AlembicFiles() {
    }

    /** The Alembic revision files directly in {@code folder} (none when it does not exist), by name. */
    public static List<Path> revisionFiles(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(AlembicFiles::isRevisionFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Whether {@code file} is a Python file declaring an Alembic revision id. */
    public static boolean isRevisionFile(Path file) {
        return file.getFileName().toString().endsWith(".py") && revisionId(file) != null;
    }

    /** The id an Alembic revision file declares, or null when {@code file} is not one. */
    static String revisionId(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            Matcher m = REVISION.matcher(Files.readString(file));
            return m.find() ? m.group(1) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Whether {@code file}, given as a migrate configuration, is an Alembic ini instead. */
    public static boolean isAlembicIni(Path file) {
        if (file.getFileName().toString().endsWith(".ini")) return true;
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.strip().equals("[alembic]"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The Alembic revision file declaring {@code id}: in {@code folders}, or in the version folders of
     * an alembic.ini in {@code iniFolders} (read as Alembic run from {@code workDir} reads it); null when none does.
     */
    public static Path declaring(String id, List<Path> folders, List<Path> iniFolders, Path workDir) {
        List<Path> all = new ArrayList<>(folders);
        for (Path dir : iniFolders) {
            Path ini = dir.resolve(INI);
            if (!Files.isRegularFile(ini)) continue;
            try {
                all.addAll(AlembicLayout.read(ini, workDir).versionFolders());
            } catch (MigrateException e) {
                // an ini Alembic itself could not use declares nothing; the hint says no file has the id
            }
        }
        for (Path folder : all) {
            for (Path f : revisionFiles(folder)) if (id.equals(revisionId(f))) return f;
        }
        return null;
    }
}
