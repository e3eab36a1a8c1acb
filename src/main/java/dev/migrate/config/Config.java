package dev.migrate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of {@code migrate.yaml} (README, "Configuration: `migrate.yaml`"), after environment expansion,
 * with paths already resolved against the configuration file's folder. Immutable: command-line
 * options are applied with the {@code with...} methods, which is how "command line > file >
 * default" is carried out.
 *
 * @param configFile the file the settings were read from, or null when there was none
 * @param baseDir the folder relative paths were resolved against (the file's, else the working folder)
 * @param workDir the working folder, which relative SQLite paths are taken from
 * @param environment the environment the settings were expanded from; fills libpq's gaps in URLs
 * @param scriptLocation the migration environment folder
 * @param url the database URL, unparsed, with where it came from
 * @param versionLocations folders holding revision files, the first being where new ones go
 * @param fileTemplate the name of new revision files, with %(rev)s-style tokens
 * @param truncateSlugLength the longest slug made from a message
 * @param timezone the zone of create_date
 * @param versionTable the Alembic-compatible version table
 * @param versionTableSchema its schema, or null for the default one
 * @param historyTable the applied-migration log, or null when disabled
 * @param transactionPerMigration one transaction per revision, else one for the whole run
 * @param lockTimeout how long to wait for the migration lock
 * @param connectWait how long to keep retrying until the database answers
 * @param connectTimeout how long one connection attempt may take
 * @param targetSchema the schema file autogenerate compares with, or null
 * @param compareType whether autogenerate compares column types
 * @param compareServerDefault whether autogenerate compares server defaults
 * @param includeSchemas the database schemas autogenerate looks at
 * @param databases named databases for commands that run against many, in file order
 * @param ddlLock how DDL waits for its locks on PostgreSQL ({@code ddl_lock_timeout}, {@code ddl_lock_retries},
 *                {@code statement_timeout})
 */
public record Config(Path configFile, Path baseDir, Path workDir, Map<String, String> environment,
                     Path scriptLocation, ConfiguredUrl url, List<Path> versionLocations, String fileTemplate,
                     int truncateSlugLength, ZoneId timezone, String versionTable, String versionTableSchema,
                     String historyTable, boolean transactionPerMigration, Duration lockTimeout,
                     Duration connectWait, Duration connectTimeout, Path targetSchema, boolean compareType,
                     boolean compareServerDefault, List<String> includeSchemas, Map<String, ConfiguredUrl> databases,
                     DdlLockSettings ddlLock) {

    public Config {
        environment = Map.copyOf(environment);
        versionLocations = List.copyOf(versionLocations);
        includeSchemas = List.copyOf(includeSchemas);
        databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
    }

    /** The database of {@link #url()}, read by {@code parser} ({@code core/Flavors::parse}). */
    public DatabaseUrl databaseUrl(UrlParser parser) {
        return url.parse(parser, environment, workDir);
    }

    /** The database named {@code name} in the {@code databases:} map, read by {@code parser}. */
    public DatabaseUrl databaseUrl(String name, UrlParser parser) {
        ConfiguredUrl u = databases.get(name);
        if (u == null) {
            throw new UnknownDatabaseException(name, configFile, databases.keySet());
        }
        return u.parse(parser, environment, workDir);
    }

    /** These settings with the URL given by {@code --url}. */
    public Config withUrl(String text) {
        return withUrl(new ConfiguredUrl(text, "--url"));
    }

    /** These settings with another database: one of many a command runs against. */
    public Config withUrl(ConfiguredUrl u) {
        return with(u, lockTimeout, connectWait, connectTimeout);
    }

    public Config withLockTimeout(Duration d) {
        return with(url, d, connectWait, connectTimeout);
    }

    /** These settings with {@code --wait}: keep retrying the connection this long. */
    public Config withConnectWait(Duration d) {
        return with(url, lockTimeout, d, connectTimeout);
    }

    public Config withConnectTimeout(Duration d) {
        return with(url, lockTimeout, connectWait, d);
    }

    private Config with(ConfiguredUrl u, Duration lock, Duration wait, Duration timeout) {
        return new Config(configFile, baseDir, workDir, environment, scriptLocation, u, versionLocations,
                fileTemplate, truncateSlugLength, timezone, versionTable, versionTableSchema, historyTable,
                transactionPerMigration, lock, wait, timeout, targetSchema, compareType, compareServerDefault,
                includeSchemas, databases, ddlLock);
    }

    /** These settings with other DDL lock settings (the Java API's and the command line's). */
    public Config withDdlLock(DdlLockSettings d) {
        return new Config(configFile, baseDir, workDir, environment, scriptLocation, url, versionLocations,
                fileTemplate, truncateSlugLength, timezone, versionTable, versionTableSchema, historyTable,
                transactionPerMigration, lockTimeout, connectWait, connectTimeout, targetSchema, compareType,
                compareServerDefault, includeSchemas, databases, d);
    }

    /** The settings in {@code migrate.yaml} form, URLs masked and the environment left out (it holds secrets). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("config_file: ").append(configFile).append('\n')
                .append("script_location: ").append(scriptLocation).append('\n')
                .append("url: ").append(url.masked()).append('\n')
                .append("version_locations: ").append(versionLocations).append('\n')
                .append("file_template: \"").append(fileTemplate).append("\"\n")
                .append("truncate_slug_length: ").append(truncateSlugLength).append('\n')
                .append("timezone: ").append(timezone).append('\n')
                .append("version_table: ").append(versionTable).append('\n')
                .append("version_table_schema: ").append(versionTableSchema).append('\n')
                .append("history_table: ").append(historyTable).append('\n')
                .append("transaction_per_migration: ").append(transactionPerMigration).append('\n')
                .append("lock_timeout: ").append(Durations.format(lockTimeout)).append('\n')
                .append("connect: {wait: ").append(Durations.format(connectWait))
                .append(", timeout: ").append(Durations.format(connectTimeout)).append("}\n")
                .append("target_schema: ").append(targetSchema).append('\n')
                .append("compare_type: ").append(compareType).append('\n')
                .append("compare_server_default: ").append(compareServerDefault).append('\n')
                .append("include_schemas: ").append(includeSchemas).append('\n')
                .append("ddl_lock_timeout: ").append(DdlLockSettings.format(ddlLock.lockTimeout())).append('\n')
                .append("ddl_lock_retries: ").append(ddlLock.retries()).append('\n')
                .append("statement_timeout: ").append(DdlLockSettings.format(ddlLock.statementTimeout())).append('\n');
        if (!databases.isEmpty()) {
            b.append("databases:\n");
            databases.forEach((name, u) -> b.append("  ").append(name).append(": ")
                    .append(u.masked()).append('\n'));
        }
        return b.toString();
    }
}
