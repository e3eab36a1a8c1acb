package dev.migrate.lint;

import static dev.migrate.lint.LintFixture.TABLES;
import static dev.migrate.lint.LintFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on the statements of SQL revisions: one case it reports, one close case it lets pass. */
class SqlRulesTest {
    @TempDir
    Path tmp;

    /** The rules reported on {@code sql}, a SQL revision on top of a YAML one creating {@link LintFixture#TABLES}. */
    private Set<String> onExisting(String sql) {
        return rules(new LintFixture(tmp).yaml(TABLES).sql(sql).lintLast());
    }

    private Set<String> alone(String sql) {
        return rules(new LintFixture(tmp).sql(sql).lintLast());
    }

    @Test
    void volatileDefaultAndSerialColumnsRewrite() {
        assertEquals(Set.of("volatile-default"), onExisting("ALTER TABLE users ADD COLUMN r float8 DEFAULT random();"));
        assertEquals(Set.of("volatile-default"), onExisting("ALTER TABLE users ADD COLUMN IF NOT EXISTS n bigserial;"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users ADD COLUMN r float8 DEFAULT 0;"));
    }

    @Test
    void requiredColumnWithoutDefault() {
        assertEquals(Set.of("required-column"), onExisting("ALTER TABLE users ADD COLUMN tier text NOT NULL;"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free';"));
    }

    @Test
    void typeChangesKnowTheColumnsOldType() {
        assertEquals(Set.of("type-rewrite"), onExisting("ALTER TABLE users ALTER COLUMN id TYPE int4;"));
        assertEquals(Set.of("type-rewrite"), onExisting("ALTER TABLE users ALTER COLUMN mood TYPE jsonb USING mood::jsonb;"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users ALTER COLUMN email SET DATA TYPE text;"));
        assertEquals(Set.of("varchar-length"), onExisting("ALTER TABLE users ALTER COLUMN email TYPE character varying(80);"));
    }

    @Test
    void setNotNullIsCheapAfterAValidatedCheck() {
        assertEquals(Set.of("set-not-null"), onExisting("ALTER TABLE users ALTER COLUMN email SET NOT NULL;"));
        LintResult r = new LintFixture(tmp).yaml(TABLES)
                .sql("ALTER TABLE users ADD CONSTRAINT ck_email CHECK (email IS NOT NULL) NOT VALID;")
                .sql("ALTER TABLE users VALIDATE CONSTRAINT ck_email;")
                .sql("ALTER TABLE users ALTER COLUMN email SET NOT NULL;").lintLast();
        assertEquals(Set.of(), rules(r));
        LintResult unvalidated = new LintFixture(tmp).yaml(TABLES)
                .sql("ALTER TABLE users ADD CONSTRAINT ck_email CHECK (email IS NOT NULL) NOT VALID;")
                .sql("ALTER TABLE users ALTER COLUMN email SET NOT NULL;").lintLast();
        assertEquals(Set.of("set-not-null"), rules(unvalidated));
    }

    @Test
    void constraintsNeedNotValid() {
        assertEquals(Set.of("constraint-not-valid"),
                onExisting("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);"));
        assertEquals(Set.of("constraint-not-valid"), onExisting("ALTER TABLE users ADD CHECK (amount > 0);"));
        assertEquals(Set.of(), onExisting("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"
                + "\nALTER TABLE orders VALIDATE CONSTRAINT fk;"));
    }

    @Test
    void indexesNeedConcurrentlyUnlessTheTableIsNew() {
        assertEquals(Set.of("index-concurrently"), onExisting("CREATE INDEX ix ON users (email);"));
        assertEquals(Set.of("index-concurrently"), onExisting("CREATE UNIQUE INDEX IF NOT EXISTS ix ON ONLY public.users (email);"));
        assertEquals(Set.of(), onExisting("CREATE INDEX CONCURRENTLY ix ON users (email);"));
        assertEquals(Set.of(), alone("CREATE TABLE t (id bigint PRIMARY KEY, e text);\nCREATE INDEX ix ON t (e);"));
        assertEquals(Set.of("index-concurrently"), onExisting("DROP INDEX ix;"));
        assertEquals(Set.of(), onExisting("DROP INDEX CONCURRENTLY IF EXISTS ix;"));
    }

    @Test
    void uniqueConstraintsFromAConcurrentIndex() {
        assertEquals(Set.of("unique-constraint"), onExisting("ALTER TABLE users ADD CONSTRAINT uq UNIQUE (email);"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users ADD CONSTRAINT uq UNIQUE USING INDEX ix_email;"));
    }

    @Test
    void dropsAndRenames() {
        assertEquals(Set.of("drop-table"), onExisting("DROP TABLE IF EXISTS orders;"));
        assertEquals(Set.of("drop-column"), onExisting("ALTER TABLE users DROP COLUMN mood;"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users DROP CONSTRAINT ck_mood;"));
        assertEquals(Set.of("rename"), onExisting("ALTER TABLE users RENAME COLUMN mood TO feeling;"));
        assertEquals(Set.of("rename"), onExisting("ALTER TABLE orders RENAME TO purchases;"));
        assertEquals(Set.of(), onExisting("ALTER TABLE users RENAME CONSTRAINT a TO b;"));
    }

    @Test
    void enumValueUsedBeforeItsTransactionCommits() {
        assertEquals(Set.of("enum-value-use"), onExisting("ALTER TYPE mood_kind ADD VALUE 'calm';\n"
                + "INSERT INTO users (id, mood) VALUES (1, 'calm');"));
        assertEquals(Set.of(), rules(new LintFixture(tmp).yaml(TABLES).sql("-- transactional: false\n",
                "ALTER TYPE mood_kind ADD VALUE 'calm';\nINSERT INTO users (id, mood) VALUES (1, 'calm');").lintLast()));
    }

    @Test
    void vacuumFullAndCluster() {
        assertEquals(Set.of("vacuum-full"), onExisting("VACUUM (FULL, ANALYZE) users;"));
        assertEquals(Set.of("vacuum-full"), onExisting("CLUSTER users USING users_pkey;"));
        assertEquals(Set.of(), onExisting("VACUUM (ANALYZE) users;"));
    }

    @Test
    void keysAndTimestampsInCreateTable() {
        assertEquals(Set.of("int-key"), alone("CREATE TABLE t (id serial PRIMARY KEY);"));
        assertEquals(Set.of("int-key"), alone("CREATE TABLE t (id integer, PRIMARY KEY (id));"));
        assertEquals(Set.of(), alone("CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n int);"));
        assertEquals(Set.of("timestamp-tz"), alone("CREATE TABLE t (at timestamp without time zone);"));
        assertEquals(Set.of(), alone("CREATE TABLE t (at timestamp with time zone, b timestamptz);"));
    }

    @Test
    void dataUpdatesBesideDdl() {
        assertEquals(Set.of("ddl-with-data"), onExisting("ALTER TABLE users ADD COLUMN score int;\nUPDATE users SET score = 0;"));
        assertEquals(Set.of("ddl-with-data"), onExisting("DELETE FROM orders;\nCREATE TABLE t (id bigint);"));
        assertEquals(Set.of(), onExisting("UPDATE users SET mood = 'ok';"));
        assertEquals(Set.of(), rules(new LintFixture(tmp).yaml(TABLES).sql("-- transactional: false\n",
                "ALTER TABLE users ADD COLUMN score int;\nUPDATE users SET score = 0;").lintLast()));
    }

    @Test
    void statementsLintDoesNotKnowAreLeftAlone() {
        assertEquals(Set.of(), onExisting("DO $$ BEGIN PERFORM 1; END $$;\nCOMMENT ON TABLE users IS 'x';\nGRANT SELECT ON users TO app;"));
    }
}
