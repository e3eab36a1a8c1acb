package dev.migrate.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrate.MigrateException;

/**
 * The starter environments of {@code init} and {@code list-templates}, shipped as resources under
 * {@code templates/}. An explicit index names the templates and their files, because a native
 * executable cannot list a resource folder.
 */
public final class Templates {
    public static final String DEFAULT = "yaml";
    private static final String ROOT = "templates/";

    /** A template's name and one-line description, as {@code list-templates} prints them. */
    public record Template(String name, String description) {
    }

    private Templates() {
    }

    /** The templates, in index order. */
    public static List<Template> list() {
        List<Template> out = new ArrayList<>();
        for (String line : lines(ROOT + "index.txt")) {
            int colon = line.indexOf(':');
            out.add(new Template(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return out;
    }

    /**
     * Writes the environment of {@code template} (null for the default) into {@code dir}, which
     * must be missing or empty. Returns the files and folders created, in order.
     */
    public static List<Path> init(Path dir, String template) {
        String name = template == null ? DEFAULT : template;
        List<String> known = list().stream().map(Template::name).collect(Collectors.toList());
        if (!known.contains(name)) throw new UnknownTemplateException(name, known);
        checkEmpty(dir);
        List<Path> created = new ArrayList<>();
        try {
            if (!Files.isDirectory(dir)) created.add(Files.createDirectories(dir));
            for (String entry : lines(ROOT + name + "/files.txt")) {
                Path target = dir.resolve(entry);
                if (entry.endsWith("/")) {
                    created.add(Files.createDirectories(target));
                    continue;
                }
                Files.createDirectories(target.getParent());
                String text = Resources.read(ROOT + name + "/" + entry);
                if (text == null) text = Resources.read(ROOT + "common/" + entry);
                if (text == null) throw new IllegalStateException("template " + name + " lists " + entry + " but does not ship it");
                Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                created.add(target);
            }
        } catch (IOException e) {
            throw new MigrateException("cannot write the environment into " + dir + ": " + e.getMessage(), e);
        }
        return created;
    }

    private static void checkEmpty(Path dir) {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new TargetNotEmptyException(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) throw new TargetNotEmptyException(dir);
        } catch (IOException e) {
            throw new MigrateException("cannot read directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The non-blank, non-comment lines of a resource. */
    private static List<String> lines(String resource) {
        String text = Resources.read(resource);
        if (text == null) throw new IllegalStateException("built-in resource " + resource + " is missing");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
        }
        return out;
    }
}
