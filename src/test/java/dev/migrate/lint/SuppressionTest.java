package dev.migrate.lint;

import static dev.migrate.lint.LintFixture.TABLES;
import static dev.migrate.lint.LintFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.yaml.YamlReader;

/** Letting findings pass: per operation, per statement, per project; and table sizes that tell empty from large. */
class SuppressionTest {
    private static final String INDEX = "  - create_index: {name: ix_email, table: users, columns: [email]";

    @TempDir
    Path tmp;

    @Test
    void aYamlOperationIgnoresTheRulesItNamesWithItsReason() {
        LintResult r = new LintFixture(tmp).yaml(TABLES).yaml(INDEX
                + ", lint: {ignore: [index-concurrently], reason: users has ten rows}}\n"
                + "  - drop_column: {table: users, column: mood}\n").lintLast();
        assertEquals(Set.of("drop-column"), rules(r));
        Finding ignored = r.ignored().get(0);
        assertEquals(Rule.INDEX_CONCURRENTLY, ignored.rule());
        assertEquals("users has ten rows", ignored.ignoredBy());
    }

    @Test
    void anIgnoreNeedsAKnownRuleAndAReason() {
        MigrateException unknown = assertThrows(MigrateException.class, () -> new LintFixture(tmp).yaml(TABLES)
                .yaml(INDEX + ", lint: {ignore: [index-concurently], reason: typo}}\n").lintLast());
        assertTrue(unknown.getMessage().contains("r2.yaml:5") && unknown.getMessage().contains("index-concurently"),
                unknown.getMessage());
        RuntimeException noReason = assertThrows(RuntimeException.class, () -> new LintFixture(tmp).yaml(TABLES)
                .yaml(INDEX + ", lint: {ignore: [index-concurrently]}}\n").lintLast());
        assertTrue(noReason.getMessage().contains("r2.yaml:5") && noReason.getMessage().contains("reason"),
                noReason.getMessage());
    }

    @Test
    void aSqlCommentIgnoresRulesForTheNextStatementOnly() {
        LintResult r = new LintFixture(tmp).yaml(TABLES).sql("-- lint:ignore index-concurrently,drop-table built at night\n"
                + "CREATE INDEX ix ON users (email);\nCREATE INDEX iy ON users (mood);").lintLast();
        assertEquals(1, r.ignored().size());
        assertEquals("built at night", r.ignored().get(0).ignoredBy());
        assertEquals(1, r.counted().size());
        assertEquals(6, r.counted().get(0).line());
        MigrateException noReason = assertThrows(MigrateException.class, () -> new LintFixture(tmp).yaml(TABLES)
                .sql("-- lint:ignore index-concurrently\nCREATE INDEX ix ON users (email);").lintLast());
        assertTrue(noReason.getMessage().contains("r2.sql:4"), noReason.getMessage());
    }

    @Test
    void projectSettingsTurnRulesOffOrChangeTheirLevel() {
        LintSettings settings = LintSettings.of(YamlReader.read(
                "ignore: [drop-column]\nlevels: {index-concurrently: warning}\n", "migrate.yaml"), "migrate.yaml");
        LintResult r = new LintFixture(tmp).settings(settings).yaml(TABLES)
                .yaml(INDEX + "}\n  - drop_column: {table: users, column: mood}\n").lintLast();
        assertEquals(Set.of("index-concurrently"), rules(r));
        assertEquals(Level.WARNING, r.counted().get(0).level());
        assertFalse(r.failed());
        assertEquals("ignored in the project's lint settings", r.ignored().get(0).ignoredBy());
        RuntimeException bad = assertThrows(RuntimeException.class, () -> LintSettings.of(YamlReader.read(
                "levels: {index-concurrently: fatal}\n", "migrate.yaml"), "migrate.yaml"));
        assertTrue(bad.getMessage().contains("fatal"), bad.getMessage());
    }

    @Test
    void withTableSizesAnEmptyTableIsLetPassAndALargeOneIsNamedWithItsSize() {
        String ops = INDEX + "}\n  - create_index: {name: ix_user, table: orders, columns: [user_id]}\n";
        TableSizes sizes = TableSizes.of(List.of(List.of("public", "users", "0", "0"),
                List.of("public", "orders", "1250000", "9000")));
        LintResult r = new LintFixture(tmp).sizes(sizes).yaml(TABLES).yaml(ops).lintLast();
        assertEquals(1, r.counted().size());
        assertTrue(r.counted().get(0).message().contains("orders (about 1,250,000 rows)"), r.counted().get(0).message());
        // a table the database lacks comes from a revision not applied yet: it will be empty
        LintResult absent = new LintFixture(tmp).sizes(TableSizes.of(List.of())).yaml(TABLES).yaml(ops).lintLast();
        assertEquals(Set.of(), rules(absent));
        // data loss does not depend on the size
        LintResult drop = new LintFixture(tmp).sizes(sizes).yaml(TABLES).yaml("  - drop_table: {table: users}\n").lintLast();
        assertEquals(Set.of("drop-table"), rules(drop));
    }

    @Test
    void textJsonAndGithubFormats() {
        LintResult r = new LintFixture(tmp).yaml(TABLES).yaml(INDEX + "}\n").lintLast();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        LintReport.github(r, false, new java.io.PrintStream(bytes, true));
        String gh = bytes.toString();
        assertTrue(gh.startsWith("::error file=r2.yaml,line=5,title=migrate lint index-concurrently::create_index ix_email"), gh);
        String json = LintReport.json(r);
        assertTrue(json.contains("\"rule\":\"index-concurrently\"") && json.contains("\"errors\":1"), json);
        assertEquals("lint: 1 revision, 1 error, 0 warnings", LintReport.summary(r));
    }
}
