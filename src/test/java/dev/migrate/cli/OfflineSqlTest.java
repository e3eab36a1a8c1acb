package dev.migrate.cli;

import static dev.migrate.support.Outcomes.fails;
import static dev.migrate.support.Outcomes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.revision.RevisionScript;
import dev.migrate.support.CliTest;
import dev.migrate.support.Outcomes;
import dev.migrate.support.Project;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** {@code upgrade --sql}, {@code downgrade --sql} and {@code stamp --sql}: the exact script, and no connection. */
@CliTest
class OfflineSqlTest {
    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL,"
            + " CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));\n\n";

    @TempDir
    Path tmp;

    /** Two revisions, a SQL one and a YAML one, without a history table unless {@code extraConfig} says otherwise. */
    private Project project(String url, String extraConfig) {
        Project p = new Project(tmp, url, extraConfig);
        p.sql("a1", null, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE accounts;");
        p.file("b2_email.yaml", """
                revision: b2
                down_revision: a1
                message: add email
                upgrade:
                  - add_column: {table: accounts, column: {name: email, type: string(200)}}
                  - create_index: {name: ix_accounts_email, table: accounts, columns: [email]}
                """);
        return p;
    }

    private Project sqliteProject() {
        return project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath(), "history_table: null\n");
    }

    /** Alembic's --tag reaches SQL revisions as ${x.tag}; an explicit -x tag= wins; stamp ignores it. */
    @Test
    void tagIsReadAsXTag(QuarkusMainLauncher launcher) {
        Project p = new Project(tmp, "sqlite:///" + tmp.resolve("app.db").toAbsolutePath(), "history_table: null\n");
        p.sql("a1", null, "SELECT '${x.tag}' AS up;", "SELECT '${x.tag}' AS down;");
        assertTrue(ok(p.run(launcher, "upgrade", "--sql", "--tag", "release-7")).contains("SELECT 'release-7' AS up;"));
        assertTrue(ok(p.run(launcher, "downgrade", "--sql", "a1:base", "--tag", "r8")).contains("SELECT 'r8' AS down;"));
        assertTrue(ok(p.run(launcher, "-x", "tag=mine", "upgrade", "--sql", "--tag", "release-7")).contains("SELECT 'mine' AS up;"));
        assertTrue(ok(p.run(launcher, "upgrade", "--sql", "--tag", "t", "-x", "tag=mine")).contains("SELECT 'mine' AS up;"));
        // stamp runs no revision: its --tag is accepted, as Alembic's scripts pass it, and changes nothing.
        assertEquals(ok(p.run(launcher, "stamp", "--sql", "a1")), ok(p.run(launcher, "stamp", "--sql", "a1", "--tag", "t")));
        ok(p.run(launcher, "stamp", "a1", "--tag", "t"));
        assertTrue(ok(p.run(launcher, "current")).contains("a1"));
    }

    @Test
    void upgradeFromBaseOnSqlite(QuarkusMainLauncher launcher) {
        LaunchResult r = sqliteProject().run(launcher, "upgrade", "--sql");
        assertEquals("""
                PRAGMA foreign_keys = ON;

                """ + VERSION_TABLE + """
                -- Running upgrade <base> -> a1, revision a1
                BEGIN;

                CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

                INSERT INTO alembic_version (version_num) VALUES ('a1');

                COMMIT;

                -- Running upgrade a1 -> b2, add email
                BEGIN;

                ALTER TABLE accounts ADD COLUMN email VARCHAR(200);

                CREATE INDEX ix_accounts_email ON accounts (email);

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), ok(r));
        assertEquals("Generating sqlite SQL (2 revisions)\nRunning upgrade <base> -> a1, revision a1\n"
                + "Running upgrade a1 -> b2, add email", r.getErrorOutput().strip());
        assertFalse(Files.exists(tmp.resolve("app.db")), "no database is opened");
    }

    @Test
    void upgradeFromBaseOnPostgresqlByDialectOption(QuarkusMainLauncher launcher) {
        String out = ok(sqliteProject().run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "base:head"));
        assertEquals(VERSION_TABLE + """
                -- Running upgrade <base> -> a1, revision a1
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

                INSERT INTO alembic_version (version_num) VALUES ('a1');

                COMMIT;

                -- Running upgrade a1 -> b2, add email
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                ALTER TABLE accounts ADD COLUMN email VARCHAR(200);

                CREATE INDEX ix_accounts_email ON accounts (email);

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), out);
    }

    @Test
    void aRangeStartsFromItsStartWithoutCreatingTheVersionTable(QuarkusMainLauncher launcher) {
        String out = ok(sqliteProject().run(launcher, "upgrade", "--sql", "a1:b2"));
        assertEquals("""
                PRAGMA foreign_keys = ON;

                -- Running upgrade a1 -> b2, add email
                BEGIN;

                ALTER TABLE accounts ADD COLUMN email VARCHAR(200);

                CREATE INDEX ix_accounts_email ON accounts (email);

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), out);
        assertEquals(out, ok(sqliteProject().run(launcher, "upgrade", "--sql", "a1:+1")), "a target relative to the start");
        String first = ok(sqliteProject().run(launcher, "upgrade", "--sql", ":a1"));
        assertTrue(first.contains("CREATE TABLE accounts") && !first.contains("email"), first);
    }

    @Test
    void downgradeNeedsARangeAndRevertsIt(QuarkusMainLauncher launcher) {
        LaunchResult r = sqliteProject().run(launcher, "downgrade", "--sql", "--dialect", "postgres", "head:base");
        assertEquals("""
                -- Running downgrade b2 -> a1, add email
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                DROP INDEX ix_accounts_email;

                ALTER TABLE accounts DROP COLUMN email;

                UPDATE alembic_version SET version_num = 'a1' WHERE version_num = 'b2';

                COMMIT;

                -- Running downgrade a1 -> <base>, revision a1
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                DROP TABLE accounts;

                DELETE FROM alembic_version WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), ok(r));
        assertTrue(r.getErrorOutput().contains("Running downgrade a1 -> <base>, revision a1"), r.getErrorOutput());
        assertEquals("""
                PRAGMA foreign_keys = ON;

                -- Running downgrade b2 -> a1, add email
                PRAGMA foreign_keys = OFF;

                BEGIN;

                DROP INDEX ix_accounts_email;

                ALTER TABLE accounts DROP COLUMN email;

                PRAGMA foreign_key_check;

                UPDATE alembic_version SET version_num = 'a1' WHERE version_num = 'b2';

                COMMIT;

                PRAGMA foreign_keys = ON;
                """.stripTrailing(), ok(sqliteProject().run(launcher, "downgrade", "--sql", "b2:-1")),
                "a drop_column may rebuild: foreign keys go off around the revision, as online; here it drops in place");

        String err = fails(sqliteProject().run(launcher, "downgrade", "--sql", "base"), 2);
        assertEquals("ERROR: downgrade with --sql requires <fromrev>:<torev> (e.g. head:base): with no database to read,"
                + " the revisions it starts from must be given", err.strip());
    }

    @Test
    void stampWritesOnlyTheVersionTable(QuarkusMainLauncher launcher) {
        LaunchResult r = sqliteProject().run(launcher, "stamp", "--sql", "--dialect", "postgresql", "head");
        assertEquals(VERSION_TABLE + """
                BEGIN;

                INSERT INTO alembic_version (version_num) VALUES ('b2');

                COMMIT;

                """.stripTrailing(), ok(r));
        assertEquals("""
                PRAGMA foreign_keys = ON;

                BEGIN;

                DELETE FROM alembic_version WHERE version_num = 'a1';

                INSERT INTO alembic_version (version_num) VALUES ('b2');

                COMMIT;

                """.stripTrailing(), ok(sqliteProject().run(launcher, "stamp", "--sql", "a1:b2")));
        assertEquals(VERSION_TABLE + """
                BEGIN;

                DELETE FROM alembic_version;

                INSERT INTO alembic_version (version_num) VALUES ('a1');

                COMMIT;

                """.stripTrailing(), ok(sqliteProject().run(launcher, "stamp", "--sql", "--purge", "--dialect", "postgresql", "a1")));
        assertEquals("", ok(sqliteProject().run(launcher, "stamp", "--sql", "b2:head")), "nothing changes");
        String err = fails(sqliteProject().run(launcher, "stamp", "--sql", "a1:b2", "base:a1"), 2);
        assertTrue(err.contains("single starting revision"), err);
    }

    @Test
    void usageErrorsExitTwo(QuarkusMainLauncher launcher) {
        Project p = sqliteProject();
        assertEquals("ERROR: --dialect: unknown dialect 'oracle' (expected one of: postgresql, sqlite)",
                fails(p.run(launcher, "upgrade", "--sql", "--dialect", "oracle"), 2).strip());
        assertTrue(fails(p.run(launcher, "upgrade", "--dialect", "sqlite"), 2).contains("--dialect only applies with --sql"));
        assertTrue(fails(p.run(launcher, "stamp", "--dialect", "sqlite", "head"), 2).contains("--dialect only applies with --sql"));
        assertTrue(fails(p.run(launcher, "upgrade", "a1:b2"), 2).contains("a range (a1:b2) is only allowed with --sql"));
        assertTrue(fails(p.run(launcher, "downgrade", "b2:a1"), 2).contains("a range (b2:a1) is only allowed with --sql"));
        assertTrue(fails(p.run(launcher, "stamp", "a1:b2"), 2).contains("a range (a1:b2) is only allowed with --sql"));
        assertTrue(fails(p.run(launcher, "upgrade", "--sql", "current:head"), 2).contains("'current' means nothing"));
        assertTrue(fails(p.run(launcher, "upgrade", "--sql", "a1:"), 2).contains("needs a target after the colon"));
        assertTrue(fails(p.run(launcher, "upgrade", "--sql", "a1:b2:c3"), 2).contains("one range"));
    }

    @Test
    void noConnectionIsMadeToTheConfiguredServer(QuarkusMainLauncher launcher) {
        Project p = project("postgresql://app:s3cret@no-such-host.invalid:5432/app", "history_table: null\n");
        long started = System.nanoTime();
        LaunchResult r = p.run(launcher, "--wait", "60s", "upgrade", "--sql");
        String out = ok(r);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 20_000, "no connection attempt, no waiting");
        assertTrue(out.startsWith(VERSION_TABLE), out);
        assertFalse(out.contains("PRAGMA"), "the dialect comes from the URL: " + out);
        assertFalse((out + r.getErrorOutput()).contains("s3cret"));
        assertTrue(ok(p.run(launcher, "stamp", "--sql", "head")).contains("INSERT INTO alembic_version"));
        assertTrue(ok(p.run(launcher, "downgrade", "--sql", "head:base")).contains("DROP TABLE accounts"));
    }

    @Test
    void nothingToRunPrintsNothing(QuarkusMainLauncher launcher) {
        LaunchResult r = sqliteProject().run(launcher, "upgrade", "--sql", "head:head");
        assertEquals("", ok(r));
        assertEquals("Nothing to upgrade: from head the database is already at head.", r.getErrorOutput().strip());
    }

    @Test
    void theHistoryTableIsCreatedAndWrittenWithTheServersClockAndUser(QuarkusMainLauncher launcher) {
        Project p = project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath(), "");
        String version = ok(launcher.launch("--version")).strip().substring("migrate ".length());
        String a1 = RevisionScript.load(p.versions().resolve("a1_rev.sql")).checksum();
        String b2 = RevisionScript.load(p.versions().resolve("b2_email.yaml")).checksum();
        String pg = ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql"));
        assertTrue(pg.startsWith(VERSION_TABLE + "CREATE TABLE IF NOT EXISTS migrate_history (id BIGINT GENERATED BY DEFAULT"
                + " AS IDENTITY PRIMARY KEY, "), pg);
        assertTrue(pg.contains("INSERT INTO alembic_version (version_num) VALUES ('a1');\n\nINSERT INTO migrate_history"
                + " (revision, direction, checksum, started_at, duration_ms, db_user, tool_version, message) VALUES ('a1',"
                + " 'upgrade', '" + a1 + "', now(), 0, current_user, '" + version + "', 'revision a1');\n\nCOMMIT;"), pg);
        String lite = ok(p.run(launcher, "downgrade", "--sql", "b2:a1"));
        assertTrue(lite.startsWith("PRAGMA foreign_keys = ON;\n\nCREATE TABLE IF NOT EXISTS migrate_history (id INTEGER"
                + " PRIMARY KEY AUTOINCREMENT, "), lite);
        assertTrue(lite.contains("VALUES ('b2', 'downgrade', '" + b2 + "', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0, NULL, '"
                + version + "', 'add email');\n\nCOMMIT;"), lite);
    }

    @Test
    void oneTransactionForTheWholeRun(QuarkusMainLauncher launcher) {
        Project p = project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath(),
                "history_table: null\ntransaction_per_migration: false\n");
        assertEquals("""
                PRAGMA foreign_keys = ON;

                """ + VERSION_TABLE + """
                -- Running upgrade <base> -> a1, revision a1
                BEGIN;

                CREATE TABLE accounts (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);

                INSERT INTO alembic_version (version_num) VALUES ('a1');

                -- Running upgrade a1 -> b2, add email
                ALTER TABLE accounts ADD COLUMN email VARCHAR(200);

                CREATE INDEX ix_accounts_email ON accounts (email);

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), ok(p.run(launcher, "upgrade", "--sql")));
    }

    /** A statement PostgreSQL refuses in a transaction runs outside one; the version change keeps its own. */
    @Test
    void statementsThatMustRunAloneRunOutsideTheTransaction(QuarkusMainLauncher launcher) {
        Project p = sqliteProject();
        p.sql("c3", "b2", "CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);\nANALYZE accounts; -- statistics",
                "DROP INDEX CONCURRENTLY ix_accounts_name;");
        LaunchResult r = p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "b2:c3");
        assertEquals("""
                -- Running upgrade b2 -> c3, revision c3
                -- revision c3 runs outside a transaction (it holds a statement that cannot run in one)
                SET lock_timeout = '5s';

                CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);

                ANALYZE accounts;

                RESET lock_timeout;

                BEGIN;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';

                COMMIT;

                """.stripTrailing(), ok(r));
        assertTrue(r.getErrorOutput().contains("  revision c3 runs outside a transaction"), r.getErrorOutput());

        Project one = new Project(tmp, p.url(), "history_table: null\ntransaction_per_migration: false\n");
        String all = ok(one.run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "a1:c3"));
        assertTrue(all.contains("""
                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1';

                -- Running upgrade b2 -> c3, revision c3
                -- revision c3 runs outside a transaction (it holds a statement that cannot run in one); the revisions before it are committed first
                COMMIT;

                SET lock_timeout = '5s';

                CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);

                ANALYZE accounts;

                RESET lock_timeout;

                BEGIN;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';

                COMMIT;"""), all);
    }

    /** Revisions a1 and b2, c3 that must run alone, and d4 after it, all in one transaction. */
    private Project runAloneInTheMiddle() {
        Project p = project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath(),
                "history_table: null\ntransaction_per_migration: false\n");
        p.sql("c3", "b2", "CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);",
                "DROP INDEX CONCURRENTLY ix_accounts_name;");
        p.sql("d4", "c3", "CREATE TABLE notes (id INTEGER PRIMARY KEY);", "DROP TABLE notes;");
        return p;
    }

    /**
     * As online, in the run's one transaction: the revisions before one that runs alone commit
     * first, its version change commits on its own, and a new transaction opens for the revision
     * after it, so that a failure there cannot take the version row of the applied c3 with it.
     */
    @Test
    void inOneTransactionARevisionThatRunsAloneCommitsItsVersionBeforeTheNextBegin(QuarkusMainLauncher launcher) {
        Project p = runAloneInTheMiddle();
        String whole = ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql"));
        int c3 = whole.indexOf("-- Running upgrade b2 -> c3");
        assertTrue(whole.startsWith(VERSION_TABLE + "-- Running upgrade <base> -> a1, revision a1\nBEGIN;\n\n"), whole);
        assertEquals(1, whole.substring(0, c3).split("BEGIN;", -1).length - 1, "a1 and b2 in one transaction: " + whole);
        assertFalse(whole.substring(0, c3).contains("COMMIT;"), whole);
        assertEquals("""
                -- Running upgrade b2 -> c3, revision c3
                -- revision c3 runs outside a transaction (it holds a statement that cannot run in one); the revisions before it are committed first
                COMMIT;

                SET lock_timeout = '5s';

                CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);

                RESET lock_timeout;

                BEGIN;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';

                COMMIT;

                -- Running upgrade c3 -> d4, revision d4
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                CREATE TABLE notes (id INTEGER PRIMARY KEY);

                UPDATE alembic_version SET version_num = 'd4' WHERE version_num = 'c3';

                COMMIT;

                """.stripTrailing(), whole.substring(c3));
        assertEquals("""
                -- Running downgrade d4 -> c3, revision d4
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                DROP TABLE notes;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'd4';

                -- Running downgrade c3 -> b2, revision c3
                -- revision c3 runs outside a transaction (it holds a statement that cannot run in one); the revisions before it are committed first
                COMMIT;

                SET lock_timeout = '5s';

                DROP INDEX CONCURRENTLY ix_accounts_name;

                RESET lock_timeout;

                BEGIN;

                UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'c3';

                COMMIT;

                -- Running downgrade b2 -> a1, add email
                BEGIN;

                SET LOCAL lock_timeout = '5s';

                DROP INDEX ix_accounts_email;

                ALTER TABLE accounts DROP COLUMN email;

                UPDATE alembic_version SET version_num = 'a1' WHERE version_num = 'b2';

                -- Running downgrade a1 -> <base>, revision a1
                DROP TABLE accounts;

                DELETE FROM alembic_version WHERE version_num = 'a1';

                COMMIT;

                """.stripTrailing(), ok(p.run(launcher, "downgrade", "--sql", "--dialect", "postgresql", "head:base")));
    }

    /** A run that starts or ends with a revision that runs alone opens no transaction it does not use. */
    @Test
    void noEmptyTransactionAroundARevisionThatRunsAlone(QuarkusMainLauncher launcher) {
        Project p = runAloneInTheMiddle();
        String first = ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "b2:d4"));
        String whole = ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql"));
        assertEquals(whole.substring(whole.indexOf("-- Running upgrade b2 -> c3")).replace(
                "; the revisions before it are committed first\nCOMMIT;\n\n", "\n"), first,
                "the whole run from c3 on, without committing a transaction nothing opened");
        assertTrue(first.startsWith("-- Running upgrade b2 -> c3, revision c3\n-- revision c3 runs outside a transaction"
                + " (it holds a statement that cannot run in one)\nSET lock_timeout = '5s';\n\nCREATE INDEX CONCURRENTLY"), first);
        String alone = ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "b2:c3"));
        String last = ok(p.run(launcher, "downgrade", "--sql", "--dialect", "postgresql", "d4:b2"));
        assertTrue(last.endsWith("COMMIT;\n\nSET lock_timeout = '5s';\n\nDROP INDEX CONCURRENTLY ix_accounts_name;\n\n"
                + "RESET lock_timeout;\n\nBEGIN;\n\n"
                + "UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'c3';\n\nCOMMIT;"), last);
        for (String script : new String[] {first, alone, last}) {
            assertFalse(script.replaceAll("--[^\n]*\n", "").contains("BEGIN;\n\nCOMMIT;"), script);
            assertEquals(script.split("BEGIN;", -1).length, script.split("COMMIT;", -1).length, "balanced: " + script);
        }
        // the same configuration file, now with a transaction per revision
        String perMigration = ok(new Project(tmp, p.url(), "history_table: null\n")
                .run(launcher, "upgrade", "--sql", "--dialect", "postgresql", "b2:c3"));
        assertEquals(perMigration, alone, "one revision that runs alone: the same script in either mode");
    }

    @Test
    void aStatementEndingInALineCommentGetsItsSemicolonOnANewLine(QuarkusMainLauncher launcher) {
        Project p = sqliteProject();
        p.file("c3_comment.sql", """
                -- revision: c3
                -- down_revision: b2
                -- message: trailing comment

                -- migrate:upgrade
                UPDATE accounts SET name = 'x' -- everyone
                """);
        String out = ok(p.run(launcher, "upgrade", "--sql", "b2:c3"));
        assertTrue(out.contains("UPDATE accounts SET name = 'x' -- everyone\n;"), out);
    }

    @Test
    void anOperationTheDialectCannotRunFailsAndPrintsNoScript(QuarkusMainLauncher launcher) {
        Project p = sqliteProject();
        Path c3 = p.file("c3_alter.yaml", """
                revision: c3
                down_revision: b2
                message: widen name
                upgrade:
                  - create_extension: {name: pgcrypto}
                downgrade: []
                """);
        LaunchResult r = p.run(launcher, "upgrade", "--sql");
        String err = fails(r, 1);
        assertEquals("", r.getOutput());
        assertTrue(err.contains(c3 + ":5") && err.contains("create_extension") && err.contains("sqlite"), Outcomes.describe(r));
        assertTrue(ok(p.run(launcher, "upgrade", "--sql", "--dialect", "postgresql")).contains("CREATE EXTENSION"));
    }

    /** A SQLite project whose revision c3 rebuilds tables: an alter_column, a foreign key and an enum value change. */
    private Project rebuildProject() {
        return rebuildProject(sqliteProject());
    }

    private Project rebuildProject(Project p) {
        p.file("c3_rebuild.yaml", """
                revision: c3
                down_revision: b2
                message: rebuilds
                upgrade:
                  - create_enum: {name: plan, values: [free, paid]}
                  - create_table:
                      table: owners
                      columns:
                        - {name: id, type: integer, primary_key: true}
                        - {name: account_id, type: integer}
                        - {name: plan, type: enum(plan), values: [free, paid], nullable: false, server_default: free}
                  - alter_column: {table: accounts, column: name, type: string(80), existing_type: string(50), nullable: true}
                  - create_foreign_key: {table: owners, name: fk_owners_account, columns: [account_id], ref_table: accounts,
                                         ref_columns: [id]}
                  - add_enum_value: {name: plan, value: team}
                downgrade:
                  - replace_enum_values: {name: plan, values: [free, paid], old_values: [free, paid, team]}
                  - drop_constraint: {table: owners, name: fk_owners_account, type: foreign_key}
                  - alter_column: {table: accounts, column: name, type: string(50), existing_type: string(80), nullable: false}
                  - drop_table: {table: owners}
                  - drop_enum: {name: plan}
                """);
        return p;
    }

    @Test
    void sqliteRebuildsAreWrittenFromTheSchemaTheRevisionsBuild(QuarkusMainLauncher launcher) {
        String out = ok(rebuildProject().run(launcher, "upgrade", "--sql", "b2:c3"));
        assertEquals("""
                PRAGMA foreign_keys = ON;

                -- Running upgrade b2 -> c3, rebuilds
                PRAGMA foreign_keys = OFF;

                BEGIN;

                CREATE TABLE owners (
                    id INTEGER NOT NULL,
                    account_id INTEGER,
                    "plan" VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT "plan" CHECK ("plan" IN ('free', 'paid')),
                    PRIMARY KEY (id)
                );

                SAVEPOINT migrate_rebuild;

                CREATE TABLE _migrate_new_accounts (
                    id INTEGER PRIMARY KEY,
                    name VARCHAR(80),
                    email VARCHAR(200)
                );

                INSERT INTO _migrate_new_accounts (id, name, email) SELECT id, name, email FROM accounts;

                DROP TABLE accounts;

                ALTER TABLE _migrate_new_accounts RENAME TO accounts;

                CREATE INDEX ix_accounts_email ON accounts (email);

                RELEASE migrate_rebuild;

                SAVEPOINT migrate_rebuild;

                CREATE TABLE _migrate_new_owners (
                    id INTEGER NOT NULL,
                    account_id INTEGER,
                    "plan" VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT "plan" CHECK ("plan" IN ('free', 'paid')),
                    PRIMARY KEY (id),
                    CONSTRAINT fk_owners_account FOREIGN KEY (account_id) REFERENCES accounts (id)
                );

                INSERT INTO _migrate_new_owners (id, account_id, "plan") SELECT id, account_id, "plan" FROM owners;

                DROP TABLE owners;

                ALTER TABLE _migrate_new_owners RENAME TO owners;

                RELEASE migrate_rebuild;

                SAVEPOINT migrate_rebuild;

                CREATE TABLE _migrate_new_owners (
                    id INTEGER NOT NULL,
                    account_id INTEGER,
                    "plan" VARCHAR(4) DEFAULT 'free' NOT NULL CONSTRAINT "plan" CHECK ("plan" IN ('free', 'paid', 'team')),
                    PRIMARY KEY (id),
                    CONSTRAINT fk_owners_account FOREIGN KEY (account_id) REFERENCES accounts (id)
                );

                INSERT INTO _migrate_new_owners (id, account_id, "plan") SELECT id, account_id, "plan" FROM owners;

                DROP TABLE owners;

                ALTER TABLE _migrate_new_owners RENAME TO owners;

                RELEASE migrate_rebuild;

                PRAGMA foreign_key_check;

                UPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';

                COMMIT;

                PRAGMA foreign_keys = ON;
                """.stripTrailing(), out);
    }

    @Test
    void aRebuildOfATableRawSqlChangedFailsNamingBothRevisions(QuarkusMainLauncher launcher) {
        Project p = sqliteProject();
        Path c3 = p.file("c3_raw.sql", """
                -- revision: c3
                -- down_revision: b2
                -- message: raw change

                -- migrate:upgrade
                ALTER TABLE accounts ADD CONSTRAINT ck_name CHECK (name <> '');
                """);
        Path d4 = p.file("d4_widen.yaml", """
                revision: d4
                down_revision: c3
                message: widen name
                upgrade:
                  - alter_column: {table: accounts, column: name, type: string(80), existing_type: string(50)}
                """);
        LaunchResult r = p.run(launcher, "upgrade", "--sql");
        String err = fails(r, 1);
        assertEquals("", r.getOutput());
        assertEquals("ERROR: revision d4 (" + d4 + ":5) needs the definition of table accounts to rebuild it on sqlite,"
                + " but revision c3 (" + c3 + ":6) changes the schema with SQL that migrate cannot follow without a database"
                + " (it runs ALTER TABLE accounts ADD CONSTRAINT ck_name CHECK (name <> '')); run it online (without --sql),"
                + " where the definition is read from the database, or write that change as operations",
                err.lines().reduce((a, b) -> b).orElseThrow());
        String fromC3 = fails(p.run(launcher, "upgrade", "--sql", "c3:d4"), 1);
        assertTrue(fromC3.contains("but revision c3 (" + c3 + ":6) changes the schema"), "replayed up to the range: " + fromC3);
    }

    @Test
    void inOneTransactionTheForeignKeySwitchGoesAroundTheRun(QuarkusMainLauncher launcher) {
        Project p = rebuildProject(project("sqlite:///" + tmp.resolve("app.db").toAbsolutePath(),
                "history_table: null\ntransaction_per_migration: false\n"));
        String out = ok(p.run(launcher, "upgrade", "--sql"));
        assertTrue(out.startsWith("PRAGMA foreign_keys = ON;\n\n" + VERSION_TABLE + "PRAGMA foreign_keys = OFF;\n\n"
                + "-- Running upgrade <base> -> a1, revision a1\nBEGIN;\n\n"), out);
        assertTrue(out.endsWith("PRAGMA foreign_key_check;\n\nUPDATE alembic_version SET version_num = 'c3' WHERE version_num = 'b2';"
                + "\n\nCOMMIT;\n\nPRAGMA foreign_keys = ON;"), out);
        assertEquals(1, out.split("PRAGMA foreign_keys = OFF;", -1).length - 1, out);
        assertTrue(out.contains("CREATE TABLE _migrate_new_accounts"), "written from the model replayed from base: " + out);
    }
}
