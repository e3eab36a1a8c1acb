package dev.migrate.alembic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migrate.MigrateException;
import dev.migrate.yaml.YamlWriter;

/**
 * {@code import-alembic}: reads an Alembic environment (alembic.ini, env.py, the version folders)
 * without running any of it, and writes a migrate environment with one YAML revision per Alembic
 * revision, same ids, so a database either tool migrated goes on with the other.
 */
public final class AlembicImport {
    private static final Pattern ENV_SETTING = Pattern.compile("\\b(version_table|version_table_schema)\\s*=\\s*['\"]([^'\"]+)['\"]");

    private AlembicImport() {
    }

    /** Imports the environment of {@code path} (an alembic.ini or its folder) into {@code out} (null: beside the ini). */
    public static ImportReport run(Path path, Path out) {
        return run(path, out, Path.of("").toAbsolutePath());
    }

    /** As {@link #run(Path, Path)}, with relative paths of the ini read from {@code workDir}, as Alembic started there reads them. */
    public static ImportReport run(Path path, Path out, Path workDir) {
        Path ini = Files.isDirectory(path) ? path.resolve(AlembicFiles.INI) : path;
        if (!Files.isRegularFile(ini)) throw new MigrateException(ini + ": no alembic.ini here (give the file or its folder)");
        Path home = ini.toAbsolutePath().normalize().getParent();
        AlembicLayout layout = AlembicLayout.read(ini, workDir);
        Path target = out == null ? home : out;
        Path migrations = target.resolve("migrations");
        Path versions = migrations.resolve("versions");
        if (Files.exists(target.resolve("migrate.yaml")) || Files.exists(migrations)) {
            throw new MigrateException(target + ": migrate.yaml or migrations/ exists already; import-alembic overwrites nothing"
                    + " (choose another folder with --out)");
        }
        List<Path> sources = new ArrayList<>();
        for (Path folder : layout.versionFolders()) sources.addAll(pythonFiles(folder, layout.recursive()));
        ImportReport report = new ImportReport();
        Map<Path, String> files = new LinkedHashMap<>();
        for (Path source : sources) {
            String display = home.relativize(source.toAbsolutePath()).toString();
            RevisionConverter.Result r = RevisionConverter.convert(display, AlembicLayout.read(source));
            String name = source.getFileName().toString().replaceFirst("\\.py$", ".yaml");
            files.put(versions.resolve(name), YamlWriter.write(r.document()));
            report.add(r, display, "migrations/versions/" + name);
        }
        try {
            Files.createDirectories(versions);
            Path yaml = target.resolve("migrate.yaml");
            Files.writeString(yaml, configuration(layout.config(), layout.scripts()));
            report.wrote(yaml.toString());
            for (Map.Entry<Path, String> f : files.entrySet()) {
                Files.writeString(f.getKey(), f.getValue());
                report.wrote(f.getKey().toString());
            }
        } catch (IOException e) {
            throw new MigrateException(target + ": cannot write: " + e.getMessage(), e);
        }
        return report;
    }

    private static List<Path> pythonFiles(Path folder, boolean recursive) {
        if (!Files.isDirectory(folder)) throw new MigrateException(folder + ": the version folder named in alembic.ini does not exist");
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".py") && !p.getFileName().toString().equals("__init__.py")
                    && !p.toString().contains("__pycache__")).sorted().toList();
        } catch (IOException e) {
            throw new MigrateException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** migrate.yaml from alembic.ini and the literals of env.py; a URL with a password is left to $DATABASE_URL. */
    private static String configuration(AlembicIni config, Path scripts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script_location", "migrations");
        String url = config.get("alembic", "sqlalchemy.url");
        if (url != null && !url.isBlank()) {
            m.put("url", hasPassword(url) ? "${DATABASE_URL}" : "${DATABASE_URL:-" + url + "}");
        }
        m.put("version_locations", List.of("migrations/versions"));
        String template = config.get("alembic", "file_template");
        // migrate reads Alembic's tokens with their format specs (%(month).2d); anything else with a % is left out
        // (the default applies) rather than written as a template migrate would refuse
        if (template != null && template.replaceAll("%\\([a-z]+\\)[-0-9.]*[sd]", "").indexOf('%') < 0) m.put("file_template", template);
        String timezone = config.get("alembic", "timezone");
        if (timezone != null && !timezone.isBlank()) m.put("timezone", timezone);
        String truncate = config.get("alembic", "truncate_slug_length");
        if (truncate != null && truncate.strip().matches("\\d+")) m.put("truncate_slug_length", Integer.parseInt(truncate.strip()));
        Path env = scripts.resolve("env.py");
        if (Files.isRegularFile(env)) {
            Matcher matcher = ENV_SETTING.matcher(AlembicLayout.read(env));
            while (matcher.find()) m.put(matcher.group(1), matcher.group(2));
        }
        return YamlWriter.write(m);
    }

    private static boolean hasPassword(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        return scheme >= 0 && at > scheme && url.substring(scheme + 3, at).contains(":");
    }
}
