package dev.migrate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.Flavors;
import dev.migrate.postgres.PostgresUrl;
import dev.migrate.postgres.SslMode;
import dev.migrate.sqlite.SqliteUrl;
import dev.migrate.yaml.SourceException;

class ConfigLoaderTest {
    @TempDir
    Path work;

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env, work);
    }

    private Config parse(String yaml, Map<String, String> env) {
        return loader(env).parse(yaml, work.resolve("migrate.yaml"), "migrate.yaml");
    }

    private SourceException fails(String yaml) {
        return assertThrows(SourceException.class, () -> parse(yaml, Map.of()));
    }

    @Test
    void noFileAtAllGivesTheDefaults() {
        Config c = loader(Map.of()).load(null);
        assertNull(c.configFile());
        assertEquals(work, c.baseDir());
        assertEquals(work.resolve("migrations"), c.scriptLocation());
        assertEquals(List.of(work.resolve("migrations/versions")), c.versionLocations());
        assertEquals(work.resolve("migrations/schema.yaml"), c.targetSchema());
        assertEquals("sqlite:///app.db", c.url().text());
        assertEquals("built-in default", c.url().source());
        assertEquals("%(rev)s_%(slug)s", c.fileTemplate());
        assertEquals(40, c.truncateSlugLength());
        assertEquals(ZoneId.of("UTC"), c.timezone());
        assertEquals("alembic_version", c.versionTable());
        assertNull(c.versionTableSchema());
        assertEquals("migrate_history", c.historyTable());
        assertTrue(c.transactionPerMigration());
        assertEquals(Duration.ofSeconds(60), c.lockTimeout());
        assertEquals(Duration.ZERO, c.connectWait());
        assertEquals(Duration.ofSeconds(10), c.connectTimeout());
        assertTrue(c.compareType());
        assertTrue(c.compareServerDefault());
        assertEquals(List.of("public"), c.includeSchemas());
        assertEquals(Map.of(), c.databases());
        assertEquals(work.resolve("app.db"), ((SqliteUrl) c.databaseUrl(Flavors::parse)).path());
    }

    @Test
    void noFileTakesDatabaseUrlFromTheEnvironment() {
        Config c = loader(Map.of("DATABASE_URL", "postgresql://app@db/shop")).load(null);
        assertEquals("postgresql://app@db/shop", c.url().text());
        assertEquals("$DATABASE_URL", c.url().source());
        assertEquals("postgresql", c.databaseUrl(Flavors::parse).dialect());
        assertEquals("sqlite:///app.db", loader(Map.of("DATABASE_URL", "")).load(null).url().text());
    }

    @Test
    void postgresVariablesWithoutAUrlRefuseTheSqliteFallback() {
        Map<String, String> env = Map.of("PGHOST", "db", "POSTGRES_PASSWORD", "s3cret-value");
        dev.migrate.MigrateException builtIn = assertThrows(dev.migrate.MigrateException.class,
                () -> loader(env).load(null).databaseUrl(Flavors::parse));
        assertTrue(builtIn.getMessage().startsWith("PGHOST, POSTGRES_PASSWORD are set, so PostgreSQL looks intended, but no"
                + " database URL is given and the built-in default falls back to SQLite (sqlite:///app.db)"), builtIn.getMessage());
        assertTrue(builtIn.getMessage().contains("--url sqlite:///app.db or DATABASE_URL=sqlite:///app.db"), builtIn.getMessage());
        assertFalse(builtIn.getMessage().contains("s3cret-value"), builtIn.getMessage());
        assertEquals(1, builtIn.exitCode());

        // The line init writes falls back the same way.
        dev.migrate.MigrateException file = assertThrows(dev.migrate.MigrateException.class,
                () -> parse("\nurl: ${DATABASE_URL:-sqlite:///app.db}\n", env).databaseUrl(Flavors::parse));
        assertTrue(file.getMessage().contains("url: of migrate.yaml:2 falls back to SQLite"), file.getMessage());

        // SQLite named on purpose is used as asked.
        assertEquals("sqlite", parse("url: sqlite:///dev.db\n", env).databaseUrl(Flavors::parse).dialect());
        assertEquals("sqlite", loader(Map.of("PGHOST", "db", "DATABASE_URL", "sqlite:///app.db")).load(null).databaseUrl(Flavors::parse).dialect());
        assertEquals("sqlite", parse("url: ${DATABASE_URL:-sqlite:///app.db}\n", Map.of("PGHOST", "db",
                "DATABASE_URL", "sqlite:///app.db")).databaseUrl(Flavors::parse).dialect());
        assertEquals("sqlite", loader(env).load(null).withUrl("sqlite:///app.db").databaseUrl(Flavors::parse).dialect());
        // Commands that need no database are not stopped by it.
        assertEquals(work.resolve("migrations"), loader(env).load(null).scriptLocation());
    }

    @Test
    void everySettingIsRead() {
        Config c = parse("""
                script_location: db
                url: postgresql://app:pw@db/shop
                version_locations: [db/versions, shared/versions]
                file_template: "%(year)s%(month)s%(day)s_%(rev)s_%(slug)s"
                truncate_slug_length: 20
                timezone: Europe/Paris
                version_table: my_version
                version_table_schema: meta
                history_table: my_history
                transaction_per_migration: false
                lock_timeout: 2m
                connect: {wait: 30s, timeout: 500ms}
                target_schema: db/target.yaml
                compare_type: false
                compare_server_default: no
                include_schemas: [public, audit]
                databases:
                  tenant_a: postgresql://db/a
                  tenant_b: sqlite:///b.db
                """, Map.of());
        assertEquals(work.resolve("migrate.yaml"), c.configFile());
        assertEquals(work.resolve("db"), c.scriptLocation());
        assertEquals("postgresql://app:pw@db/shop", c.url().text());
        assertEquals("migrate.yaml:2", c.url().source());
        assertEquals(List.of(work.resolve("db/versions"), work.resolve("shared/versions")), c.versionLocations());
        assertEquals("%(year)s%(month)s%(day)s_%(rev)s_%(slug)s", c.fileTemplate());
        assertEquals(20, c.truncateSlugLength());
        assertEquals(ZoneId.of("Europe/Paris"), c.timezone());
        assertEquals("my_version", c.versionTable());
        assertEquals("meta", c.versionTableSchema());
        assertEquals("my_history", c.historyTable());
        assertFalse(c.transactionPerMigration());
        assertEquals(Duration.ofMinutes(2), c.lockTimeout());
        assertEquals(Duration.ofSeconds(30), c.connectWait());
        assertEquals(Duration.ofMillis(500), c.connectTimeout());
        assertEquals(work.resolve("db/target.yaml"), c.targetSchema());
        assertFalse(c.compareType());
        assertFalse(c.compareServerDefault());
        assertEquals(List.of("public", "audit"), c.includeSchemas());
        assertEquals(List.of("tenant_a", "tenant_b"), List.copyOf(c.databases().keySet()));
        assertEquals("migrate.yaml:19", c.databases().get("tenant_b").source());
        assertEquals(work.resolve("b.db"), ((SqliteUrl) c.databaseUrl("tenant_b", Flavors::parse)).path());
    }

    @Test
    void derivedDefaultsFollowScriptLocation() {
        Config c = parse("script_location: db\n", Map.of());
        assertEquals(List.of(work.resolve("db/versions")), c.versionLocations());
        assertEquals(work.resolve("db/schema.yaml"), c.targetSchema());
    }

    @Test
    void nullDisablesHistoryTableAndTargetSchema() {
        Config c = parse("history_table: null\ntarget_schema: ~\nversion_table_schema:\n", Map.of());
        assertNull(c.historyTable());
        assertNull(c.targetSchema());
        assertNull(c.versionTableSchema());
        assertNull(parse("history_table: ${HISTORY:-}\n", Map.of()).historyTable());
        assertNull(parse("history_table: ${HISTORY:-null}\n", Map.of()).historyTable());
        assertEquals("null", parse("history_table: \"null\"\n", Map.of()).historyTable());
        assertEquals("h", parse("history_table: ${HISTORY:-}\n", Map.of("HISTORY", "h")).historyTable());
    }

    @Test
    void singleStringsAreAcceptedForLists() {
        Config c = parse("version_locations: versions\ninclude_schemas: app\n", Map.of());
        assertEquals(List.of(work.resolve("versions")), c.versionLocations());
        assertEquals(List.of("app"), c.includeSchemas());
    }

    @Test
    void relativePathsResolveAgainstTheFilesFolder() throws IOException {
        Path sub = Files.createDirectories(work.resolve("deploy"));
        Files.writeString(sub.resolve("migrate.yaml"), "script_location: ../db\ntarget_schema: schema.yaml\n");
        Config c = loader(Map.of()).load("deploy/migrate.yaml");
        assertEquals(sub.resolve("migrate.yaml"), c.configFile());
        assertEquals(sub, c.baseDir());
        assertEquals(work.resolve("db"), c.scriptLocation());
        assertEquals(List.of(work.resolve("db/versions")), c.versionLocations());
        assertEquals(sub.resolve("schema.yaml"), c.targetSchema());
        assertEquals(work, c.workDir());
    }

    @Test
    void environmentIsExpandedEverywhere() {
        Map<String, String> env = Map.of("DB_HOST", "pg", "SCHEMA", "audit", "EMPTY", "", "WAIT", "45s",
                "TENANT", "acme", "DIR", "db");
        Config c = parse("""
                script_location: ${DIR}
                url: postgresql://app@${DB_HOST}/shop
                version_locations:
                  - ${DIR}/versions
                  - ${EXTRA:-extra}/versions
                include_schemas: [public, "${SCHEMA}", "${EMPTY:-fallback}"]
                connect:
                  wait: ${WAIT}
                lock_timeout: ${LOCK:-90s}
                compare_type: ${COMPARE:-false}
                truncate_slug_length: ${SLUG:-12}
                databases:
                  ${TENANT}: postgresql://${DB_HOST}/${TENANT}
                """, env);
        assertEquals(work.resolve("db"), c.scriptLocation());
        assertEquals("postgresql://app@pg/shop", c.url().text());
        assertEquals(List.of(work.resolve("db/versions"), work.resolve("extra/versions")), c.versionLocations());
        assertEquals(List.of("public", "audit", "fallback"), c.includeSchemas());
        assertEquals(Duration.ofSeconds(45), c.connectWait());
        assertEquals(Duration.ofSeconds(90), c.lockTimeout());
        assertFalse(c.compareType());
        assertEquals(12, c.truncateSlugLength());
        assertEquals("postgresql://pg/acme", c.databases().get("acme").text());
    }

    @Test
    void variablesInAFlowListMustBeQuotedAsYamlRequires() {
        assertEquals(List.of("audit"), parse("include_schemas: [\"${S}\"]\n", Map.of("S", "audit")).includeSchemas());
        assertTrue(fails("include_schemas: [${S}]\n").getMessage().contains("invalid YAML"));
    }

    @Test
    void theDocumentedUrlLineReadsDatabaseUrl() {
        String yaml = "url: ${DATABASE_URL:-sqlite:///app.db}\n";
        assertEquals("sqlite:///app.db", parse(yaml, Map.of()).url().text());
        assertEquals("sqlite:///app.db", parse(yaml, Map.of("DATABASE_URL", "")).url().text());
        assertEquals("postgres://x/y", parse(yaml, Map.of("DATABASE_URL", "postgres://x/y")).url().text());
    }

    @Test
    void fileWithoutUrlFallsBackToDatabaseUrl() {
        Config c = parse("lock_timeout: 5s\n", Map.of("DATABASE_URL", "postgresql://env/db"));
        assertEquals("postgresql://env/db", c.url().text());
        assertEquals("$DATABASE_URL", c.url().source());
    }

    @Test
    void fileUrlWinsOverDatabaseUrlAndCommandLineWinsOverBoth() {
        Config c = parse("url: postgresql://file/db\nlock_timeout: 5s\nconnect: {wait: 1s, timeout: 2s}\n",
                Map.of("DATABASE_URL", "postgresql://env/db"));
        assertEquals("postgresql://file/db", c.url().text());
        Config cli = c.withUrl("postgresql://cli/db").withLockTimeout(Duration.ofSeconds(7))
                .withConnectWait(Duration.ofSeconds(60)).withConnectTimeout(Duration.ofSeconds(3));
        assertEquals("postgresql://cli/db", cli.url().text());
        assertEquals("--url", cli.url().source());
        assertEquals(Duration.ofSeconds(7), cli.lockTimeout());
        assertEquals(Duration.ofSeconds(60), cli.connectWait());
        assertEquals(Duration.ofSeconds(3), cli.connectTimeout());
        assertEquals("postgresql://file/db", c.url().text());
        assertEquals(c.versionLocations(), cli.versionLocations());
    }

    @Test
    void ddlLockSettingsHaveDefaultsAndOffTurnsALimitOff() {
        Config defaults = parse("", Map.of());
        assertEquals(new DdlLockSettings(Duration.ofSeconds(5), 5, Duration.ZERO), defaults.ddlLock());
        assertTrue(defaults.toString().contains("ddl_lock_timeout: 5s\nddl_lock_retries: 5\nstatement_timeout: off\n"),
                defaults.toString());
        Config set = parse("ddl_lock_timeout: 250ms\nddl_lock_retries: 0\nstatement_timeout: 2m\n", Map.of());
        assertEquals(new DdlLockSettings(Duration.ofMillis(250), 0, Duration.ofMinutes(2)), set.ddlLock());
        assertEquals(Duration.ZERO, parse("ddl_lock_timeout: off\n", Map.of()).ddlLock().lockTimeout());
        assertEquals(Duration.ZERO, parse("ddl_lock_timeout: 0\n", Map.of()).ddlLock().lockTimeout());
        assertTrue(fails("url: sqlite://\nddl_lock_timeout: soon\n").getMessage()
                .startsWith("migrate.yaml:2: ddl_lock_timeout: expected a duration such as 60s"));
        assertTrue(fails("ddl_lock_retries: -1\n").getMessage().startsWith("migrate.yaml:1: ddl_lock_retries: expected a whole number"));
        assertTrue(assertThrows(UnknownSettingException.class, () -> parse("statement_timout: 5s\n", Map.of())).getMessage()
                .contains("did you mean 'statement_timeout'?"));
    }

    @Test
    void unsetVariableNamesFileLineAndVariable() {
        UnsetVariableException e = assertThrows(UnsetVariableException.class,
                () -> parse("script_location: migrations\ninclude_schemas:\n  - public\n  - ${TENANT_SCHEMA}\n", Map.of()));
        assertEquals("migrate.yaml:4: environment variable TENANT_SCHEMA is not set; set it, or write "
                + "${TENANT_SCHEMA:-default} to give a default", e.getMessage());
    }

    @Test
    void anUnsetVariableInTheUrlIsAnErrorOnlyWhenTheUrlIsNeeded() {
        Config c = parse("script_location: migrations\nurl: ${DATABASE_URL}\ndatabases:\n  staging: ${STAGING_URL}\n", Map.of());
        String message = "migrate.yaml:2: environment variable DATABASE_URL is not set; set it, or write "
                + "${DATABASE_URL:-default} to give a default";
        assertEquals(message, assertThrows(UnsetVariableException.class, () -> c.databaseUrl(Flavors::parse)).getMessage());
        assertEquals(message, assertThrows(UnsetVariableException.class, () -> c.url().text()).getMessage());
        assertEquals("migrate.yaml:4: environment variable STAGING_URL is not set; set it, or write "
                + "${STAGING_URL:-default} to give a default",
                assertThrows(UnsetVariableException.class, () -> c.databaseUrl("staging", Flavors::parse)).getMessage());
        assertTrue(c.toString().contains("url: (${DATABASE_URL} is not set)\n"), c.toString());
        assertEquals("sqlite", c.withUrl("sqlite:///other.db").databaseUrl(Flavors::parse).dialect());

        assertEquals("postgresql://set/db", parse("url: ${DATABASE_URL}\n", Map.of("DATABASE_URL", "postgresql://set/db"))
                .url().text());
        assertEquals("unterminated ${: the closing } is missing", fails("url: ${DATABASE_URL\n").getMessage()
                .substring("migrate.yaml:1: ".length()));
        assertThrows(UnsetVariableException.class, () -> parse("url: sqlite://\nversion_table: ${VERSIONS}\n", Map.of()));
    }

    @Test
    void aDatabasesMapWithoutUrlLeavesCommandsForOneDatabaseWithoutADefault() {
        Config c = parse("databases:\n  tenant_a: sqlite:///a.db\n", Map.of());
        dev.migrate.MigrateException e = assertThrows(dev.migrate.MigrateException.class, () -> c.databaseUrl(Flavors::parse));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("migrate.yaml lists databases: and sets no url:"), e.getMessage());
        assertTrue(c.toString().contains("url: (none)\n"), c.toString());
        assertEquals("sqlite:///a.db", c.databases().get("tenant_a").text());
        assertEquals("postgresql://env/db", parse("databases:\n  tenant_a: sqlite:///a.db\n", Map.of("DATABASE_URL", "postgresql://env/db"))
                .url().text());
        assertEquals("sqlite:///b.db", parse("url: sqlite:///b.db\ndatabases:\n  tenant_a: sqlite:///a.db\n", Map.of()).url().text());
    }

    @Test
    void unknownSettingIsRefusedWithFileLineAndSuggestion() {
        UnknownSettingException e = assertThrows(UnknownSettingException.class,
                () -> parse("url: sqlite://\nlock_timout: 5s\n", Map.of()));
        assertTrue(e.getMessage().startsWith("migrate.yaml:2: unknown setting 'lock_timout'; did you mean 'lock_timeout'?"),
                e.getMessage());
        UnknownSettingException nested = assertThrows(UnknownSettingException.class,
                () -> parse("connect:\n  wiat: 5s\n", Map.of()));
        assertTrue(nested.getMessage().startsWith("migrate.yaml:2: unknown setting 'connect.wiat'; did you mean 'connect.wait'?"),
                nested.getMessage());
        assertTrue(fails("sqlalchemy.url: x\n").getMessage().contains("unknown setting 'sqlalchemy.url'"));
    }

    @Test
    void wrongTypesNameTheLine() {
        assertTrue(fails("url: sqlite://\nlock_timeout: soon\n").getMessage().startsWith("migrate.yaml:2: lock_timeout:"));
        assertTrue(fails("connect: {wait: forever}\n").getMessage().contains("connect.wait"));
        assertTrue(fails("connect: 5s\n").getMessage().contains("connect must be a mapping"));
        assertTrue(fails("truncate_slug_length: long\n").getMessage().startsWith("migrate.yaml:1: truncate_slug_length"));
        assertTrue(fails("truncate_slug_length: 0\n").getMessage().contains("above 0"));
        assertTrue(fails("compare_type: maybe\n").getMessage().contains("true or false"));
        assertTrue(fails("timezone: Mars/Olympus\n").getMessage().contains("unknown time zone"));
        assertTrue(fails("url: [a, b]\n").getMessage().contains("must be a URL, or a map of its parts"));
        assertTrue(fails("version_locations: []\n").getMessage().contains("at least one folder"));
        assertTrue(fails("version_table: null\n").getMessage().contains("version_table needs a value"));
        assertTrue(fails("databases: [a]\n").getMessage().contains("mapping of names"));
        assertTrue(fails("databases:\n  a: null\n").getMessage().startsWith("migrate.yaml:2: databases.a"));
        assertTrue(fails("- url\n").getMessage().contains("mapping of settings"));
        assertTrue(fails("url: [\n").getMessage().contains("invalid YAML"));
    }

    @Test
    void unknownFileTemplateTokenIsRefused() {
        SourceException e = fails("file_template: \"%(rev)s_%(slgu)s\"\n");
        assertTrue(e.getMessage().contains("%(slgu)s"), e.getMessage());
        assertEquals("%%_%(epoch)s", parse("file_template: \"%%_%(epoch)s\"\n", Map.of()).fileTemplate());
        assertTrue(fails("file_template: \"100%\"\n").getMessage().contains("not a token"));
    }

    @Test
    void alembicsFileTemplateIsReadAsWritten() {
        String alembic = "%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d_%(rev)s_%(slug)s";
        assertEquals(alembic, parse("file_template: \"" + alembic + "\"\n", Map.of()).fileTemplate());
        // As alembic.ini has it, every % doubled for configparser.
        assertEquals(alembic, parse("file_template: \"" + alembic.replace("%", "%%") + "\"\n", Map.of()).fileTemplate());
        assertEquals("%(rev)s_100%%", parse("file_template: \"%(rev)s_100%%\"\n", Map.of()).fileTemplate());
        assertTrue(fails("file_template: \"%(rev)x\"\n").getMessage().contains("not a token"));
    }

    @Test
    void emptyFileAndByteOrderMarkAreFine() {
        assertEquals("alembic_version", parse("", Map.of()).versionTable());
        assertEquals("v", parse("\uFEFFversion_table: v\n", Map.of()).versionTable());
    }

    @Test
    void fileIsFoundByOptionThenEnvironmentThenWorkingFolder() throws IOException {
        Files.writeString(work.resolve("migrate.yaml"), "version_table: from_default\n");
        Files.writeString(work.resolve("env.yaml"), "version_table: from_env\n");
        Files.writeString(work.resolve("option.yaml"), "version_table: from_option\n");
        Map<String, String> env = Map.of("MIGRATE_CONFIG", "env.yaml");
        assertEquals("from_option", loader(env).load("option.yaml").versionTable());
        assertEquals("from_env", loader(env).load(null).versionTable());
        assertEquals("from_default", loader(Map.of()).load(null).versionTable());
        assertEquals("from_default", loader(Map.of("MIGRATE_CONFIG", "")).load(null).versionTable());
        assertEquals("from_option", loader(Map.of()).load(work.resolve("option.yaml").toString()).versionTable());
    }

    @Test
    void namedFileThatIsMissingIsAnError() {
        ConfigFileNotFoundException option = assertThrows(ConfigFileNotFoundException.class,
                () -> loader(Map.of()).load("nope.yaml"));
        assertTrue(option.getMessage().contains("nope.yaml") && option.getMessage().contains("--config"));
        ConfigFileNotFoundException env = assertThrows(ConfigFileNotFoundException.class,
                () -> loader(Map.of("MIGRATE_CONFIG", "gone.yaml")).load(null));
        assertTrue(env.getMessage().contains("gone.yaml") && env.getMessage().contains("$MIGRATE_CONFIG"));
    }

    @Test
    void errorsNameTheFileAsTheUserWroteIt() throws IOException {
        Files.writeString(work.resolve("custom.yaml"), "\n\nbogus: 1\n");
        SourceException e = assertThrows(SourceException.class, () -> loader(Map.of()).load("custom.yaml"));
        assertTrue(e.getMessage().startsWith("custom.yaml:3: unknown setting 'bogus'"), e.getMessage());
    }

    @Test
    void badUrlIsReportedWhereItWasConfiguredWithoutThePassword() {
        Config c = parse("\nurl: postgresql://app:T0psecret@db/shop?sslmod=require\n", Map.of());
        InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> c.databaseUrl(Flavors::parse));
        assertTrue(e.getMessage().startsWith("migrate.yaml:2: unknown parameter 'sslmod'"), e.getMessage());
        assertFalse(e.getMessage().contains("T0psecret"));
        InvalidUrlException cli = assertThrows(InvalidUrlException.class, () -> c.withUrl("mysql://a:T0psecret@h/d").databaseUrl(Flavors::parse));
        assertTrue(cli.getMessage().startsWith("--url: "), cli.getMessage());
        assertFalse(cli.getMessage().contains("T0psecret"));
    }

    /** A container's raw POSTGRES_PASSWORD, with every character a URL gives a meaning to. */
    private static final String RAW_PASSWORD = "Pa?ss@wo/rd:%41#&=+ x";

    @Test
    void aVariableInTheUserInfoIsInsertedPercentEncoded() {
        Map<String, String> env = Map.of("POSTGRES_USER", "app@corp", "POSTGRES_PASSWORD", RAW_PASSWORD, "DB", "shop");
        PostgresUrl url = (PostgresUrl) parse("url: postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db:5433/${DB}?sslmode=disable\n",
                env).databaseUrl(Flavors::parse);
        assertEquals("app@corp", url.user());
        assertEquals(RAW_PASSWORD, url.password(), "%41 stays %41, ? and @ stay in the password");
        assertEquals("db", url.host());
        assertEquals(5433, url.port());
        assertEquals("shop", url.database());
        assertEquals("postgresql://app@corp:***@db:5433/shop", url.masked());
        // The whole URL from a variable is taken as written: it is already a URL (a default's too).
        assertEquals("postgresql://postgres@localhost:5432/app", parse("url: ${DATABASE_URL:-postgresql://postgres@localhost:5432/app}\n",
                Map.of()).url().text());
        assertEquals("postgresql://a:b%40c@h/d", parse("url: ${DATABASE_URL}\n",
                Map.of("DATABASE_URL", "postgresql://a:b%40c@h/d")).url().text());
    }

    @Test
    void theUrlAsAMapOfPartsNeedsNoEncoding() {
        Map<String, String> env = Map.of("POSTGRES_PASSWORD", RAW_PASSWORD, "PGHOST", "db.internal");
        Config c = parse("url:\n  host: ${PGHOST}\n  port: 5433\n  user: app\n  password: ${POSTGRES_PASSWORD}\n"
                + "  database: shop db\n  sslmode: require\n  application_name: my app\n", env);
        PostgresUrl url = (PostgresUrl) c.databaseUrl(Flavors::parse);
        assertEquals(RAW_PASSWORD, url.password());
        assertEquals("db.internal", url.host());
        assertEquals(5433, url.port());
        assertEquals("app", url.user());
        assertEquals("shop db", url.database());
        assertEquals(SslMode.REQUIRE, url.sslMode());
        assertEquals("my app", url.applicationName());
        assertFalse(c.toString().contains("wo/rd"), c.toString());

        PostgresUrl socket = (PostgresUrl) parse("url: {host: /run/postgresql, database: app}\n", Map.of("USER", "me"))
                .databaseUrl(Flavors::parse);
        assertTrue(socket.isSocket(), socket.host());
        assertEquals("/run/postgresql", socket.host());
        assertEquals("app", socket.database());

        InvalidUrlException unknown = assertThrows(InvalidUrlException.class,
                () -> parse("\nurl: {host: db, pasword: x}\n", Map.of()).databaseUrl(Flavors::parse));
        assertTrue(unknown.getMessage().startsWith("migrate.yaml:2: unknown parameter 'pasword'"), unknown.getMessage());
    }

    @Test
    void databaseNamesThatExpandToTheSameNameAreRefused() {
        SourceException e = assertThrows(SourceException.class,
                () -> parse("databases:\n  acme: sqlite://\n  ${T}: sqlite://\n", Map.of("T", "acme")));
        assertTrue(e.getMessage().startsWith("migrate.yaml:3: databases: 'acme' is given twice"), e.getMessage());
    }

    @Test
    void unknownDatabaseNameIsUsageError() {
        Config c = parse("databases:\n  a: sqlite://\n", Map.of());
        UnknownDatabaseException e = assertThrows(UnknownDatabaseException.class, () -> c.databaseUrl("b", Flavors::parse));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("known: a"), e.getMessage());
    }

    @Test
    void toStringShowsSettingsButNeverSecrets() {
        Config c = parse("url: postgresql://app:T0psecret@db/shop\ndatabases:\n  t: postgresql://u:T0psecret@h/d\n",
                Map.of("PGPASSWORD", "EnvS3cret", "DATABASE_URL", "postgresql://x:EnvS3cret@h/d"));
        String s = c.toString();
        assertFalse(s.contains("T0psecret"), s);
        assertFalse(s.contains("EnvS3cret"), s);
        assertTrue(s.contains("url: postgresql://app:***@db/shop"), s);
        assertTrue(s.contains("lock_timeout: 1m"), s);
        assertFalse(c.url().toString().contains("T0psecret"));
    }
}
