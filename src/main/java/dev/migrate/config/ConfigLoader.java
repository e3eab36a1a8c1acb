package dev.migrate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.alembic.AlembicFiles;
import dev.migrate.alembic.NotImportedException;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

/**
 * Finds and reads {@code migrate.yaml}: {@code -c FILE}, else {@code $MIGRATE_CONFIG}, else
 * {@code ./migrate.yaml}, else no file at all, which is fine: the defaults, a URL from
 * {@code $DATABASE_URL} and {@code ./migrations} are a complete environment. The environment and
 * the working folder are passed in, so the same code serves the command line, the Java API and tests.
 *
 * <p>Every string value goes through {@link EnvExpander}. An unquoted value that expands to
 * nothing (or to {@code null}) reads as YAML null, so {@code history_table: ${HISTORY:-}} can
 * disable the history table from the environment. A variable that is not set is an error at once,
 * except in a URL, which reports it only when a command needs that URL.
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = "migrate.yaml";
    /** Without a {@code url} setting: {@code $DATABASE_URL}, else the URL {@code migrate init} writes. */
    public static final String DEFAULT_URL = "sqlite:///app.db";

    private static final List<String> SETTINGS = List.of("script_location", "url", "version_locations",
            "file_template", "truncate_slug_length", "timezone", "version_table", "version_table_schema",
            "history_table", "transaction_per_migration", "lock_timeout", "connect", "target_schema",
            "compare_type", "compare_server_default", "include_schemas", "databases", "ddl_lock_timeout",
            "ddl_lock_retries", "statement_timeout");
    private static final List<String> CONNECT_SETTINGS = List.of("connect.wait", "connect.timeout");
    private static final Pattern TEMPLATE_TOKEN = Pattern.compile("%\\(([^)]*)\\)[-0-9.]*[sd]|%%|%");
    /** A token as an Alembic ini file escapes it for configparser: {@code %%(rev)s}. */
    private static final Pattern INI_ESCAPED_TOKEN = Pattern.compile("%%\\(");
    /** Sections a command reads for itself ({@code lint}: see {@code dev.migrate.lint.LintSettings}). */
    private static final List<String> COMMAND_SECTIONS = List.of("lint");
    private static final List<String> TEMPLATE_TOKENS = List.of("rev", "slug", "year", "month", "day", "hour",
            "minute", "second", "epoch");

    private final Map<String, String> environment;
    private final Path workDir;
    private final EnvExpander expander;
    private final UrlExpansion urls;

    public ConfigLoader(Map<String, String> environment, Path workDir) {
        this.environment = Map.copyOf(environment);
        this.workDir = workDir.toAbsolutePath().normalize();
        this.expander = new EnvExpander(this.environment);
        this.urls = new UrlExpansion(expander);
    }

    /** Settings from the file {@code explicitFile} ({@code -c}, may be null) or the one found as described above. */
    public Config load(String explicitFile) {
        String name;
        String namedBy;
        if (explicitFile != null) {
            name = explicitFile;
            namedBy = "--config";
        } else if (environment.get("MIGRATE_CONFIG") != null && !environment.get("MIGRATE_CONFIG").isEmpty()) {
            name = environment.get("MIGRATE_CONFIG");
            namedBy = "$MIGRATE_CONFIG";
        } else {
            Path implicit = workDir.resolve(DEFAULT_FILE);
            if (Files.isRegularFile(implicit)) return parse(read(implicit, DEFAULT_FILE), implicit, DEFAULT_FILE);
            // the defaults would read an Alembic project as an empty history
            Path ini = workDir.resolve(AlembicFiles.INI);
            if (Files.isRegularFile(ini)) throw NotImportedException.iniWithoutMigrateYaml(ini);
            return defaults();
        }
        Path file = workDir.resolve(name).normalize();
        if (!Files.isRegularFile(file)) throw new ConfigFileNotFoundException(name, namedBy);
        if (AlembicFiles.isAlembicIni(file)) throw NotImportedException.config(name, namedBy);
        return parse(read(file, name), file, name);
    }

    /** Settings from {@code file} itself, for the Java API; {@code namedBy} says who named it should it not exist. */
    public Config load(Path file, String namedBy) {
        Path resolved = workDir.resolve(file).normalize();
        if (!Files.isRegularFile(resolved)) throw new ConfigFileNotFoundException(file.toString(), namedBy);
        return parse(read(resolved, file.toString()), resolved, file.toString());
    }

    /** The settings with no configuration file. */
    public Config defaults() {
        return parse("", null, "(defaults)");
    }

    /** Settings from {@code text}, the content of {@code file} (null for none), reported as {@code origin} in errors. */
    public Config parse(String text, Path file, String origin) {
        Node root = YamlReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text, origin);
        if (!root.isNull() && !root.isMap()) throw root.error("expected a mapping of settings such as 'url: ...'");
        Map<String, Node> entries = root.isNull() ? Map.of() : root.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!SETTINGS.contains(e.getKey()) && !COMMAND_SECTIONS.contains(e.getKey())) {
                throw new UnknownSettingException(origin, e.getValue().line(), e.getKey(), SETTINGS);
            }
        }
        Path baseDir = file == null ? workDir : file.toAbsolutePath().normalize().getParent();

        Path scriptLocation = baseDir.resolve(required(entries.get("script_location"),
                "script_location", "migrations")).normalize();
        List<Path> versionLocations = new ArrayList<>();
        Node versions = entries.get("version_locations");
        if (versions == null || versions.isNull()) {
            versionLocations.add(scriptLocation.resolve("versions"));
        } else {
            for (String v : strings(versions, "version_locations")) versionLocations.add(baseDir.resolve(v).normalize());
            if (versionLocations.isEmpty()) throw versions.error("version_locations needs at least one folder");
        }
        Node targetNode = entries.get("target_schema");
        String target = nullable(targetNode, "target_schema");
        Path targetSchema = targetNode == null ? scriptLocation.resolve("schema.yaml")
                : target == null ? null : baseDir.resolve(target).normalize();

        Node connect = entries.get("connect");
        Map<String, Node> connectEntries = Map.of();
        if (connect != null && !connect.isNull()) {
            if (!connect.isMap()) throw connect.error("connect must be a mapping such as {wait: 0s, timeout: 10s}");
            connectEntries = connect.entries();
            for (Map.Entry<String, Node> e : connectEntries.entrySet()) {
                if (!CONNECT_SETTINGS.contains("connect." + e.getKey())) {
                    throw new UnknownSettingException(origin, e.getValue().line(), "connect." + e.getKey(), CONNECT_SETTINGS);
                }
            }
        }

        Map<String, ConfiguredUrl> databases = new LinkedHashMap<>();
        Node dbs = entries.get("databases");
        if (dbs != null && !dbs.isNull()) {
            if (!dbs.isMap()) throw dbs.error("databases must be a mapping of names to URLs");
            for (Map.Entry<String, Node> e : dbs.entries().entrySet()) {
                String name = expander.expand(e.getKey(), origin, e.getValue().line());
                String source = origin + ":" + e.getValue().line();
                ConfiguredUrl u = lazily(source, () -> {
                    String url = urls.text(e.getValue(), "databases." + e.getKey());
                    if (url == null) throw e.getValue().error("databases." + e.getKey() + " needs a value");
                    return url;
                });
                if (databases.put(name, u) != null) {
                    throw e.getValue().error("databases: '" + name + "' is given twice");
                }
            }
        }

        return new Config(file == null ? null : file.toAbsolutePath().normalize(), baseDir, workDir, environment,
                scriptLocation, url(entries.get("url"), origin, databases), versionLocations,
                template(entries.get("file_template")),
                positive(entries.get("truncate_slug_length"), "truncate_slug_length", 40),
                zone(entries.get("timezone")),
                required(entries.get("version_table"), "version_table", "alembic_version"),
                nullable(entries.get("version_table_schema"), "version_table_schema"),
                entries.containsKey("history_table") ? nullable(entries.get("history_table"), "history_table") : "migrate_history",
                bool(entries.get("transaction_per_migration"), "transaction_per_migration", true),
                duration(entries.get("lock_timeout"), "lock_timeout", Duration.ofSeconds(60)),
                duration(connectEntries.get("wait"), "connect.wait", Duration.ZERO),
                duration(connectEntries.get("timeout"), "connect.timeout", Duration.ofSeconds(10)),
                targetSchema,
                bool(entries.get("compare_type"), "compare_type", true),
                bool(entries.get("compare_server_default"), "compare_server_default", true),
                entries.containsKey("include_schemas") ? strings(entries.get("include_schemas"), "include_schemas") : List.of("public"),
                databases, ddlLock(entries));
    }

    /** The three DDL lock settings; a timeout of {@code 0} or {@code off} means no limit. */
    private DdlLockSettings ddlLock(Map<String, Node> entries) {
        DdlLockSettings d = DdlLockSettings.DEFAULTS;
        return new DdlLockSettings(limit(entries.get("ddl_lock_timeout"), "ddl_lock_timeout", d.lockTimeout()),
                atLeast(entries.get("ddl_lock_retries"), "ddl_lock_retries", d.retries(), 0),
                limit(entries.get("statement_timeout"), "statement_timeout", d.statementTimeout()));
    }

    private Duration limit(Node node, String setting, Duration dflt) {
        return duration(node, setting, dflt, DdlLockSettings::limit);
    }

    /**
     * The {@code url} setting, else {@code $DATABASE_URL}, else the built-in default; but a file
     * listing {@code databases:} without a {@code url} has no default: a command that works on
     * one database would otherwise quietly create {@code app.db} instead of reaching any of them.
     */
    private ConfiguredUrl url(Node node, String origin, Map<String, ConfiguredUrl> databases) {
        if (node != null) {
            ConfiguredUrl configured = lazily(origin + ":" + node.line(), () -> urls.text(node, "url"));
            if (configured.unavailable() == null && node.isScalar() && SqliteFallback.fallsBack(node.text(), environment)) {
                return SqliteFallback.guard(configured, "url: of " + origin + ":" + node.line(), environment);
            }
            if (configured.unavailable() != null || configured.text() != null) return configured;
        }
        String env = environment.get("DATABASE_URL");
        if (env != null && !env.isEmpty()) return new ConfiguredUrl(env, "$DATABASE_URL");
        if (!databases.isEmpty()) {
            return new ConfiguredUrl(null, origin, MigrateException.usage(origin + " lists databases: and sets no url:;"
                    + " only the commands upgrade, downgrade, stamp, current and check run against the databases: list;"
                    + " anything else (another command, the Java API) works on one database: give it a URL"
                    + " (--url URL, MigrateBuilder.url)"));
        }
        return SqliteFallback.guard(new ConfiguredUrl(DEFAULT_URL, "built-in default"), "the built-in default", environment);
    }

    /**
     * The URL {@code expanded} gives, or, when it names a variable that is not set, that error kept
     * for when the URL is needed: a command given {@code --url}, or offline SQL with
     * {@code --dialect}, does without the file's URL. Any other mistake is reported now.
     */
    private static ConfiguredUrl lazily(String source, Supplier<String> expanded) {
        try {
            return new ConfiguredUrl(expanded.get(), source);
        } catch (UnsetVariableException e) {
            return ConfiguredUrl.unset(e, source);
        }
    }

    /**
     * The expanded text of a scalar; null when the setting is absent ({@code node} null), for YAML
     * null, and for an unquoted value that expands to nothing.
     */
    private String nullable(Node node, String setting) {
        if (node == null || node.isNull()) return null;
        if (!node.isScalar()) throw node.error(setting + " must be a single value");
        String value = expander.expand(node.text(), node.origin(), node.line());
        if (!node.isQuoted() && (value.isEmpty() || value.equals("null") || value.equals("~"))) return null;
        return value;
    }

    private String required(Node node, String setting, String dflt) {
        String value = nullable(node, setting);
        if (value != null) return value;
        if (node == null) return dflt;
        throw node.error(setting + " needs a value" + (dflt == null ? "" : " (the default is " + dflt + ")"));
    }

    private List<String> strings(Node node, String setting) {
        if (node.isNull()) return List.of();
        List<Node> items = node.isList() ? node.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Node item : items) out.add(required(item, setting + " item", null));
        return out;
    }

    private boolean bool(Node node, String setting, boolean dflt) {
        String v = nullable(node, setting);
        if (v == null) return dflt;
        switch (v.toLowerCase()) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw node.error(setting + ": expected true or false, found '" + v + "'");
        }
    }

    private int positive(Node node, String setting, int dflt) {
        return atLeast(node, setting, dflt, 1);
    }

    private int atLeast(Node node, String setting, int dflt, int least) {
        String v = nullable(node, setting);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= least) return n;
        } catch (NumberFormatException e) {
            // the message below covers both a non-number and a number out of range
        }
        throw node.error(setting + ": expected a whole number " + (least == 1 ? "above 0" : least + " or more")
                + ", found '" + v + "'");
    }

    private Duration duration(Node node, String setting, Duration dflt) {
        return duration(node, setting, dflt, Durations::parse);
    }

    private Duration duration(Node node, String setting, Duration dflt, Function<String, Duration> parse) {
        String v = nullable(node, setting);
        if (v == null) return dflt;
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw node.error(setting + ": " + e.getMessage());
        }
    }

    private ZoneId zone(Node node) {
        String v = nullable(node, "timezone");
        if (v == null) return ZoneId.of("UTC");
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw node.error("timezone: unknown time zone '" + v + "' (write UTC, Europe/Paris, +02:00 ...)");
        }
    }

    /** The file template, refused when it holds a token that would silently stay in every file name. */
    private String template(Node node) {
        String written = nullable(node, "file_template");
        if (written == null) return "%(rev)s_%(slug)s";
        // Copied from alembic.ini, where configparser needs every % doubled: %%(year)d reads as %(year)d there,
        // and a literal "%(" in a file name is never meant; so a template whose tokens are all doubled is undoubled.
        boolean iniEscaped = INI_ESCAPED_TOKEN.matcher(written).find() && !written.replace("%%", "").contains("%(");
        String v = iniEscaped ? written.replace("%%", "%") : written;
        Matcher m = TEMPLATE_TOKEN.matcher(v);
        while (m.find()) {
            if (m.group().equals("%%")) continue;
            if (m.group(1) == null || !TEMPLATE_TOKENS.contains(m.group(1))) {
                throw node.error("file_template: '" + m.group() + "' is not a token; tokens are "
                        + "%(" + String.join(")s, %(", TEMPLATE_TOKENS) + ")s (numbers also as %(month).2d, padded),"
                        + " and %% for a percent sign");
            }
        }
        return v;
    }

    private static String read(Path file, String name) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new MigrateException("cannot read configuration file " + name + ": " + e.getMessage(), e);
        }
    }
}
