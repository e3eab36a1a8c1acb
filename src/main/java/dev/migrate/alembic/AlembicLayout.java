package dev.migrate.alembic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;

/**
 * Where an alembic.ini puts its scripts and revisions, resolved as Alembic 1.8 resolves them
 * ({@code ScriptDirectory.from_config}): {@code script_location} and {@code version_locations}
 * relative to the current directory (not the ini's folder; {@code %(here)s} is that), the
 * locations split by {@code version_path_separator}, or on spaces and commas when it is absent.
 */
record AlembicLayout(Path ini, AlembicIni config, Path scripts, List<Path> versionFolders) {
    /** Alembic's legacy split when no version_path_separator is given. */
    private static final Pattern SPACE_OR_COMMA = Pattern.compile(", *| +");

    /** The layout of {@code ini} as Alembic sees it when started in {@code workDir}. */
    static AlembicLayout read(Path ini, Path workDir) {
        Path home = ini.toAbsolutePath().normalize().getParent();
        AlembicIni config = AlembicIni.parse(read(ini), home.toString(), ini.toString());
        String location = config.get("alembic", "script_location");
        if (location == null || location.isBlank()) throw new MigrateException(ini + ": [alembic] has no script_location");
        if (!Path.of(location).isAbsolute() && location.contains(":")) {
            throw new MigrateException(ini + ": script_location '" + location + "' names a Python package resource;"
                    + " import-alembic reads folders only: write the folder's path (e.g. %(here)s/alembic)");
        }
        Path scripts = workDir.resolve(location).normalize();
        if (!Files.isDirectory(scripts)) {
            throw new MigrateException(ini + ": script_location '" + location + "' is " + scripts + ", which does not exist"
                    + (Path.of(location).isAbsolute() ? "" : " (Alembic reads a relative path from the current directory,"
                    + " as import-alembic does: run it where you run alembic, or write %(here)s/" + location + ")"));
        }
        return new AlembicLayout(ini, config, scripts, versionFolders(config, scripts, workDir, ini));
    }

    private static List<Path> versionFolders(AlembicIni config, Path scripts, Path workDir, Path ini) {
        String locations = config.get("alembic", "version_locations");
        List<Path> out = new ArrayList<>();
        if (locations == null || locations.isEmpty()) {
            out.add(scripts.resolve("versions"));
            return out;
        }
        String separator = config.get("alembic", "version_path_separator");
        List<String> parts;
        if (separator == null) {
            parts = List.of(SPACE_OR_COMMA.split(locations));
        } else {
            String split = switch (separator) {
                case "space" -> " ";
                case "os" -> java.io.File.pathSeparator;
                case ":", ";" -> separator;
                default -> throw new MigrateException(ini + ": '" + separator + "' is not a valid value for"
                        + " version_path_separator; expected 'space', 'os', ':', ';' (as Alembic 1.8)");
            };
            parts = List.of(locations.split(Pattern.quote(split)));
        }
        for (String p : parts) if (!p.isEmpty()) out.add(workDir.resolve(p.strip()).normalize());
        return out;
    }

    boolean recursive() {
        return "true".equalsIgnoreCase(config.get("alembic", "recursive_version_locations"));
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrateException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
