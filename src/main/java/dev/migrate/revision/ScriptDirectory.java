package dev.migrate.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.alembic.AlembicFiles;
import dev.migrate.alembic.NotImportedException;
import dev.migrate.graph.Revision;

/**
 * Every revision file of the version folders, loaded. Folders are read without recursion; only
 * {@code *.yaml}, {@code *.yml} and {@code *.sql} count, and README files, hidden files and
 * templates ({@code *.tmpl}) are skipped, so notes and editor backups can live beside revisions.
 */
public final class ScriptDirectory {
    private final List<Path> folders;
    private final List<RevisionScript> scripts;
    private final Map<String, RevisionScript> byId;

    private ScriptDirectory(List<Path> folders, List<RevisionScript> scripts, Map<String, RevisionScript> byId) {
        this.folders = folders;
        this.scripts = scripts;
        this.byId = byId;
    }

    /** Loads the revision files of {@code folders}, in folder order and by file name within a folder. */
    public static ScriptDirectory load(List<Path> folders) {
        return load(folders, Map.of());
    }

    /** As {@link #load(List)}, with the {@code -x} values SQL revisions use as {@code ${x.key}}. */
    public static ScriptDirectory load(List<Path> folders, Map<String, String> values) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) files.addAll(revisionFiles(folder));
        // files are independent: parse them on every core, but report the first bad file in order
        List<Loaded> loaded = files.parallelStream().map(f -> Loaded.of(f, values)).collect(Collectors.toList());
        List<RevisionScript> scripts = new ArrayList<>(loaded.size());
        for (Loaded l : loaded) {
            if (l.error() != null) throw l.error();
            scripts.add(l.script());
        }
        Map<String, RevisionScript> byId = new HashMap<>(scripts.size() * 2);
        for (RevisionScript s : scripts) {
            RevisionScript previous = byId.putIfAbsent(s.id(), s);
            if (previous != null) throw new DuplicateRevisionException(s.id(), previous.file(), s.file());
        }
        return new ScriptDirectory(List.copyOf(folders), Collections.unmodifiableList(scripts), byId);
    }

    private record Loaded(RevisionScript script, MigrateException error) {
        static Loaded of(Path file, Map<String, String> values) {
            try {
                return new Loaded(RevisionScript.load(file, values), null);
            } catch (MigrateException e) {
                return new Loaded(null, e);
            }
        }
    }

    /** The revision files directly in {@code folder}, sorted by name. */
    static List<Path> revisionFiles(Path folder) {
        if (!Files.isDirectory(folder)) throw new VersionFolderNotFoundException(folder);
        List<Path> out = new ArrayList<>();
        List<Path> alembic = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (isRevisionFileName(p.getFileName().toString()) && Files.isRegularFile(p)) out.add(p);
                else if (AlembicFiles.isRevisionFile(p)) alembic.add(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MigrateException("cannot list version folder " + folder + ": " + e.getMessage(), e);
        }
        // an Alembic history left in place would otherwise read as no revisions at all
        if (!alembic.isEmpty()) {
            alembic.sort(null);
            throw NotImportedException.revisionsInVersionFolder(folder, alembic);
        }
        out.sort(null);
        return out;
    }

    static boolean isRevisionFileName(String name) {
        if (name.startsWith(".") || name.regionMatches(true, 0, "README", 0, 6)) return false;
        return Format.ofFileName(name) != null;
    }

    public List<Path> folders() {
        return folders;
    }

    /** All revision files, in folder order and by file name within a folder. */
    public List<RevisionScript> scripts() {
        return scripts;
    }

    /** The revision file with exactly this id. */
    public RevisionScript byId(String id) {
        RevisionScript s = byId.get(id);
        if (s == null) throw new UnknownRevisionException(id, folders);
        return s;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The graph nodes, one per file, for {@code graph}. */
    public List<Revision> revisions() {
        List<Revision> out = new ArrayList<>(scripts.size());
        for (RevisionScript s : scripts) out.add(s.revision());
        return out;
    }
}
