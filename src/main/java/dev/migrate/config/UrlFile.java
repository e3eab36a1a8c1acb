package dev.migrate.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;

/**
 * The file of {@code --url-file}: one database URL per line, for a command that runs against
 * many. Blank lines and lines starting with {@code #} are skipped; {@code ${VAR}} is expanded as
 * in {@code migrate.yaml}, so the file can hold {@code postgresql://app:${PGPASSWORD}@...} instead
 * of the secret. Every URL comes with its {@code FILE:line}, which its errors name.
 */
public final class UrlFile {
    private UrlFile() {
    }

    /** The URLs of {@code name} (resolved against {@code workDir}), in file order; at least one. */
    public static List<ConfiguredUrl> read(String name, Map<String, String> environment, Path workDir) {
        Path file = workDir.resolve(name).normalize();
        // As a missing --config file: the option is right, the file is not (exit 1).
        if (!Files.exists(file)) throw new MigrateException("--url-file " + name + " does not exist");
        if (Files.isDirectory(file)) throw new MigrateException("--url-file " + name + " is a folder, not a file of URLs");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (CharacterCodingException e) {
            throw new MigrateException("--url-file " + name + " is not UTF-8 text: save it as UTF-8, one URL per line", e);
        } catch (IOException e) {
            throw new MigrateException("--url-file " + name + " cannot be read: " + reason(e), e);
        }
        UrlExpansion expander = new UrlExpansion(new EnvExpander(environment));
        List<ConfiguredUrl> urls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            urls.add(new ConfiguredUrl(expander.expandScalar(line, name, i + 1), name + ":" + (i + 1)));
        }
        if (urls.isEmpty()) throw MigrateException.usage("--url-file " + name + " holds no URL (only blank lines and # comments)");
        return urls;
    }

    /** Why reading failed, in words: the JDK's exceptions often carry only the path as their message. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
