package dev.migrate.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.MigrateException;

/**
 * Writes new revision files for {@code revision} and {@code merge}: picks the id, names the file
 * from {@code file_template}, and fills the environment's {@code script.yaml.tmpl} /
 * {@code script.sql.tmpl} (or the built-in ones). The text is read back before it is written, so a
 * broken template fails here instead of at the next {@code upgrade}.
 */
public final class RevisionWriter {
    static final String BUILT_IN = "templates/common/migrations/";
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final List<String> PLACEHOLDERS = List.of("revision", "down_revision", "branch_labels", "depends_on",
            "message", "create_date", "upgrade", "downgrade");

    /**
     * What the configuration says about new files.
     *
     * @param fileTemplate       {@code file_template}, e.g. {@code %(rev)s_%(slug)s}
     * @param truncateSlugLength {@code truncate_slug_length}
     * @param timezone           {@code timezone}, for {@code create_date} and the date tokens
     * @param scriptLocation     {@code script_location}, where the templates are looked for; null for the built-in ones
     * @param values             the {@code -x} values, used by the templates as {@code ${x.key}}
     */
    public record Settings(String fileTemplate, int truncateSlugLength, ZoneId timezone, Path scriptLocation,
                           Map<String, String> values) {
        public Settings {
            values = Map.copyOf(values);
        }

        /** The defaults of README, "Configuration: `migrate.yaml`". */
        public static Settings defaults(Path scriptLocation) {
            return new Settings("%(rev)s_%(slug)s", 40, ZoneId.of("UTC"), scriptLocation, Map.of());
        }
    }

    /**
     * One new revision.
     *
     * @param message       {@code -m}
     * @param downRevisions its parents: the current head(s), or the revisions merged
     * @param branchLabels  {@code --branch-label}
     * @param dependsOn     {@code --depends-on}
     * @param revId         {@code --rev-id}, or null for a generated id
     * @param format        yaml or sql
     * @param upgrade       body text for the upgrade (YAML list items or SQL), or null for an empty one
     * @param downgrade     body text for the downgrade, or null for an empty one
     */
    public record Request(String message, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
                          String revId, Format format, String upgrade, String downgrade) {
        public Request {
            downRevisions = List.copyOf(downRevisions);
            branchLabels = List.copyOf(branchLabels);
            dependsOn = List.copyOf(dependsOn);
        }

        /** A plain new revision after {@code downRevisions}. */
        public static Request of(String message, List<String> downRevisions, Format format) {
            return new Request(message, downRevisions, List.of(), List.of(), null, format, null, null);
        }
    }

    private final Settings settings;
    private final Clock clock;

    public RevisionWriter(Settings settings) {
        this(settings, Clock.system(settings.timezone()));
    }

    RevisionWriter(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes the revision into {@code folder}, never over an existing file, and returns its path. */
    public Path write(Request request, Path folder, Collection<String> existingIds) {
        if (!Files.isDirectory(folder)) throw new VersionFolderNotFoundException(folder);
        String id = chooseId(request.revId(), existingIds);
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(settings.timezone());
        String slug = Slug.of(request.message(), settings.truncateSlugLength());
        String name = FileNameTemplate.render(settings.fileTemplate(), id, slug, now) + "." + request.format().extension();
        Path file = folder.resolve(name);
        String text = render(request, id, now.format(CREATE_DATE));
        checkReadsBack(file, text, request.format(), id);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RevisionExistsException("refusing to overwrite " + file + ": a file of that name exists "
                    + "(change -m, --rev-id or file_template)");
        } catch (IOException e) {
            throw new MigrateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String chooseId(String revId, Collection<String> existingIds) {
        if (revId != null) {
            if (!RevisionIds.isValid(revId)) throw MigrateException.usage("--rev-id: " + RevisionIds.problem(revId));
            if (existingIds.contains(revId)) {
                throw new RevisionExistsException("revision id '" + revId + "' is already used by another revision: choose another --rev-id");
            }
            return revId;
        }
        while (true) {
            String hex = UUID.randomUUID().toString().replace("-", "");
            String id = hex.substring(hex.length() - 12);
            if (!existingIds.contains(id)) return id;
        }
    }

    private String render(Request r, String id, String createDate) {
        boolean yaml = r.format() == Format.YAML;
        String templateName = yaml ? "script.yaml.tmpl" : "script.sql.tmpl";
        Path custom = settings.scriptLocation() == null ? null : settings.scriptLocation().resolve(templateName);
        String template;
        String templateOrigin;
        if (custom != null && Files.isRegularFile(custom)) {
            try {
                template = Checksum.normalise(Files.readString(custom, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MigrateException("cannot read template " + custom + ": " + e.getMessage(), e);
            }
            templateOrigin = custom.toString();
        } else {
            template = Resources.read(BUILT_IN + templateName);
            templateOrigin = "built-in " + templateName;
        }
        String text = Placeholders.expand(template, name -> {
            if (name.startsWith("x.")) return settings.values().get(name.substring(2));
            return value(name, r, id, createDate, yaml, templateOrigin);
        });
        if (!yaml) return text;
        // a multi-line body after 'upgrade: ' leaves a trailing blank the YAML does not need
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) out.append(line.stripTrailing()).append('\n');
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String value(String name, Request r, String id, String createDate, boolean yaml, String templateOrigin) {
        switch (name) {
            case "revision": return yaml ? YamlText.scalar(id) : id;
            case "down_revision":
                if (r.downRevisions().isEmpty()) return "null";
                if (r.downRevisions().size() == 1) return yaml ? YamlText.scalar(r.downRevisions().get(0)) : r.downRevisions().get(0);
                return yaml ? YamlText.list(r.downRevisions()) : "[" + String.join(", ", r.downRevisions()) + "]";
            case "branch_labels": return yaml ? YamlText.list(r.branchLabels()) : "[" + String.join(", ", r.branchLabels()) + "]";
            case "depends_on": return yaml ? YamlText.list(r.dependsOn()) : "[" + String.join(", ", r.dependsOn()) + "]";
            case "message": {
                String m = r.message() == null ? "" : r.message();
                if (yaml) return YamlText.scalar(m);
                // a SQL header value ends at the end of its line
                return m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
            }
            case "create_date": return createDate;
            case "upgrade": return body(r.upgrade(), yaml);
            case "downgrade": return body(r.downgrade(), yaml);
            default:
                throw new MigrateException(templateOrigin + ": unknown placeholder ${" + name + "} (expected one of: "
                        + String.join(", ", PLACEHOLDERS) + ", or x.KEY for a -x value)");
        }
    }

    /** YAML: {@code []} for nothing, else the list items indented under the key; SQL: the text as given. */
    private static String body(String text, boolean yaml) {
        if (text == null || text.isBlank()) return yaml ? "[]" : "";
        if (!yaml) return text.strip();
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\n")) out.append("\n  ").append(line);
        return out.toString();
    }

    private static void checkReadsBack(Path file, String text, Format format, String id) {
        RevisionScript back;
        try {
            back = format == Format.YAML
                    ? YamlRevisionReader.read(file, text, "")
                    : SqlRevisionReader.read(file, text, "", Map.of());
        } catch (MigrateException e) {
            throw new MigrateException("the revision template produced a file that does not read back, so it was "
                    + "not written: " + e.getMessage(), e);
        }
        if (!back.id().equals(id)) {
            throw new MigrateException("the revision template does not write ${revision} into the revision field, "
                    + "so " + file + " was not written");
        }
    }
}
