package dev.migrate.lint;

import static dev.migrate.lint.LintFixture.TABLES;
import static dev.migrate.lint.LintFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule on YAML operations: one case it reports, one close case it lets pass. */
class YamlRulesTest {
    @TempDir
    Path tmp;

    /** The rules reported on {@code operations}, a revision on top of one creating {@link LintFixture#TABLES}. */
    private Set<String> onExisting(String operations) {
        return rules(new LintFixture(tmp).yaml(TABLES).yaml(operations).lintLast());
    }

    /** The rules reported on a revision that creates the tables and then runs {@code operations}. */
    private Set<String> onNew(String operations) {
        return rules(new LintFixture(tmp).yaml(TABLES + operations).lintLast());
    }

    @Test
    void volatileDefaultRewritesAnExistingTableButNowDoesNot() {
        assertEquals(Set.of("volatile-default"),
                onExisting("  - add_column: {table: users, column: {name: token, type: uuid, server_default: uuid()}}\n"));
        assertEquals(Set.of("volatile-default"),
                onExisting("  - add_column: {table: users, column: {name: r, type: double, server_default: sql(random())}}\n"));
        assertEquals(Set.of("volatile-default"), onExisting("  - add_column: {table: users, column: {name: n, type: bigidentity}}\n"));
        assertEquals(Set.of(),
                onExisting("  - add_column: {table: users, column: {name: seen, type: timestamptz, server_default: now()}}\n"));
        assertEquals(Set.of(), onNew("  - add_column: {table: users, column: {name: token, type: uuid, server_default: uuid()}}\n"));
    }

    @Test
    void requiredColumnWithoutDefaultOnATableWithRows() {
        String op = "  - add_column: {table: users, column: {name: tier, type: text, nullable: false}}\n";
        assertEquals(Set.of("required-column"), onExisting(op));
        assertEquals(Set.of(), onExisting(
                "  - add_column: {table: users, column: {name: tier, type: text, nullable: false, server_default: free}}\n"));
        assertEquals(Set.of(), onNew(op));
    }

    @Test
    void typeChangesThatRewriteAndThoseThatDoNot() {
        assertEquals(Set.of("type-rewrite"), onExisting("  - alter_column: {table: users, column: id, type: integer}\n"));
        assertEquals(Set.of("type-rewrite"), onExisting("  - alter_column: {table: users, column: email, type: string(20)}\n"));
        assertEquals(Set.of("type-rewrite"), onExisting("  - alter_column: {table: users, column: amount, type: 'numeric(12,3)'}\n"));
        // without a known old type, lint cannot prove the change safe
        assertEquals(Set.of("type-rewrite"), onExisting("  - alter_column: {table: unknown_table, column: c, type: text}\n"));
        assertEquals(Set.of(), onExisting("  - alter_column: {table: users, column: email, type: text}\n"));
        assertEquals(Set.of(), onExisting("  - alter_column: {table: users, column: amount, type: 'numeric(14,2)'}\n"));
        assertEquals(Set.of(), onExisting("  - alter_column: {table: orders, column: c, type: text, existing_type: string(10)}\n"));
    }

    @Test
    void varcharLengthChangesWarn() {
        Set<String> found = onExisting("  - alter_column: {table: users, column: email, type: string(100)}\n");
        assertEquals(Set.of("varchar-length"), found);
        assertEquals(Set.of(), onExisting("  - alter_column: {table: users, column: email, type: text}\n"));
    }

    @Test
    void setNotNullNeedsAValidatedCheckFromAnEarlierRevision() {
        String op = "  - alter_column: {table: users, column: email, nullable: false}\n";
        assertEquals(Set.of("set-not-null"), onExisting(op));
        LintResult proven = new LintFixture(tmp).yaml(TABLES)
                .yaml("  - create_check_constraint: {table: users, name: ck_email, expression: email IS NOT NULL}\n")
                .yaml(op).lintLast();
        assertEquals(Set.of(), rules(proven));
        // the check in the same revision does not help: its validation takes the same lock
        LintResult same = new LintFixture(tmp).yaml(TABLES)
                .yaml("  - create_check_constraint: {table: users, name: ck_email, expression: email IS NOT NULL}\n" + op)
                .lintLast();
        assertEquals(Set.of("set-not-null", "constraint-not-valid"), rules(same));
    }

    /** The safe form: NOT VALID in one revision, VALIDATE in a later one, then SET NOT NULL without a scan. */
    @Test
    void setNotNullAfterACheckAddedNotValidAndValidatedLater() {
        String check = "  - create_check_constraint: {table: users, name: ck_email, expression: email IS NOT NULL, not_valid: true}\n";
        String op = "  - alter_column: {table: users, column: email, nullable: false}\n";
        LintResult validated = new LintFixture(tmp).yaml(TABLES).yaml(check)
                .yaml("  - validate_constraint: {table: users, name: ck_email}\n").yaml(op).lintLast();
        assertEquals(Set.of(), rules(validated));
        // added NOT VALID and never validated, it proves nothing
        LintResult unvalidated = new LintFixture(tmp).yaml(TABLES).yaml(check).yaml(op).lintLast();
        assertEquals(Set.of("set-not-null"), rules(unvalidated));
    }

    @Test
    void foreignKeysAndChecksAddedNotValidPass() {
        assertEquals(Set.of(), onExisting("  - create_foreign_key: {table: orders, name: fk_user,"
                + " columns: [user_id], ref_table: users, ref_columns: [id], not_valid: true}\n"));
        assertEquals(Set.of(), onExisting(
                "  - create_check_constraint: {table: users, name: ck_amount, expression: amount > 0, not_valid: true}\n"));
        assertEquals(Set.of(), onExisting("  - validate_constraint: {table: users, name: ck_amount}\n"));
    }

    @Test
    void foreignKeysAndChecksOnExistingTablesNeedNotValid() {
        assertEquals(Set.of("constraint-not-valid"), onExisting("  - create_foreign_key: {table: orders, name: fk_user,"
                + " columns: [user_id], ref_table: users, ref_columns: [id]}\n"));
        assertEquals(Set.of("constraint-not-valid"),
                onExisting("  - create_check_constraint: {table: users, name: ck_amount, expression: amount > 0}\n"));
        assertEquals(Set.of(), onNew("  - create_foreign_key: {table: orders, name: fk_user,"
                + " columns: [user_id], ref_table: users, ref_columns: [id]}\n"));
    }

    @Test
    void indexesOnExistingTablesNeedConcurrently() {
        assertEquals(Set.of("index-concurrently"), onExisting("  - create_index: {name: ix_email, table: users, columns: [email]}\n"));
        assertEquals(Set.of(), onExisting("  - create_index: {name: ix_email, table: users, columns: [email], concurrently: true}\n"));
        assertEquals(Set.of(), onNew("  - create_index: {name: ix_email, table: users, columns: [email]}\n"));
        assertEquals(Set.of("index-concurrently"), onExisting("  - drop_index: {name: ix_email, table: users}\n"));
        assertEquals(Set.of(), onExisting("  - drop_index: {name: ix_email, table: users, concurrently: true}\n"));
    }

    @Test
    void uniqueConstraintsOnExistingTablesBuildTheirIndexUnderALock() {
        assertEquals(Set.of("unique-constraint"),
                onExisting("  - create_unique_constraint: {table: users, name: uq_email, columns: [email]}\n"));
        assertEquals(Set.of(), onNew("  - create_unique_constraint: {table: users, name: uq_email, columns: [email]}\n"));
    }

    @Test
    void dropsLoseData() {
        assertEquals(Set.of("drop-table"), onExisting("  - drop_table: {table: orders}\n"));
        assertEquals(Set.of("drop-column"), onExisting("  - drop_column: {table: users, column: mood}\n"));
        assertEquals(Set.of(), onNew("  - drop_column: {table: users, column: mood}\n  - drop_table: {table: orders}\n"));
    }

    @Test
    void renamesBreakTheRunningApplication() {
        assertEquals(Set.of("rename"), onExisting("  - rename_table: {table: orders, new_name: purchases}\n"));
        assertEquals(Set.of("rename"), onExisting("  - rename_column: {table: users, column: mood, new_name: feeling}\n"));
        assertEquals(Set.of("rename"), onExisting("  - alter_column: {table: users, column: mood, new_name: feeling}\n"));
        assertEquals(Set.of(), onNew("  - rename_column: {table: users, column: mood, new_name: feeling}\n"));
    }

    @Test
    void anEnumValueUsedInTheTransactionThatAddsIt() {
        String ops = "  - add_enum_value: {name: mood_kind, value: calm}\n"
                + "  - bulk_insert: {table: users, rows: [{id: 1, mood: calm}]}\n";
        assertEquals(Set.of("enum-value-use"), onExisting(ops));
        assertEquals(Set.of(), rules(new LintFixture(tmp).yaml(TABLES).yaml("transactional: false\n", ops).lintLast()));
        assertEquals(Set.of(), onExisting("  - add_enum_value: {name: mood_kind, value: calm}\n"
                + "  - bulk_insert: {table: users, rows: [{id: 1, mood: happy}]}\n"));
    }

    @Test
    void vacuumFullInExecute() {
        assertEquals(Set.of("vacuum-full"), onExisting("  - execute: VACUUM FULL users\n"));
        assertEquals(Set.of(), onExisting("  - execute: VACUUM ANALYZE users\n"));
        // SQL for SQLite only is not what PostgreSQL runs
        assertEquals(Set.of(), onExisting("  - execute: {sqlite: VACUUM}\n"));
    }

    @Test
    void thirtyTwoBitKeysAndTimestampsWithoutZone() {
        assertEquals(Set.of("int-key"), onNew("  - create_table: {table: t, columns: [{name: id, type: integer, primary_key: true}]}\n"));
        assertEquals(Set.of("int-key"), onNew("  - create_table: {table: t, columns: [{name: id, type: identity, primary_key: true}]}\n"));
        assertEquals(Set.of("int-key"), onNew("  - create_table: {table: t, columns: [{name: id, type: sql(serial), primary_key: true}]}\n"));
        assertEquals(Set.of(), onNew("  - create_table: {table: t, columns: [{name: id, type: bigidentity, primary_key: true},"
                + " {name: n, type: integer}]}\n"));
        assertEquals(Set.of("timestamp-tz"), onNew("  - create_table: {table: t, columns: [{name: at, type: timestamp}]}\n"));
        assertEquals(Set.of(), onNew("  - create_table: {table: t, columns: [{name: at, type: timestamptz}]}\n"));
    }

    @Test
    void aDataUpdateBesideDdlInOneTransaction() {
        String ops = "  - add_column: {table: users, column: {name: score, type: integer}}\n"
                + "  - execute: UPDATE users SET score = 0\n";
        assertEquals(Set.of("ddl-with-data"), onExisting(ops));
        assertEquals(Set.of(), rules(new LintFixture(tmp).yaml(TABLES).yaml("transactional: false\n", ops).lintLast()));
        assertEquals(Set.of(), onExisting("  - execute: UPDATE users SET score = 0\n"));
    }

    @Test
    void findingsNameTheFileAndTheOperationsLine() {
        LintResult r = new LintFixture(tmp).yaml(TABLES).yaml("  - execute: SELECT 1\n"
                + "  - create_index: {name: ix_email, table: users, columns: [email]}\n").lintLast();
        Finding f = r.findings().get(0);
        assertEquals("r2.yaml", f.file());
        assertEquals(6, f.line());
        assertEquals("r2", f.revision());
        assertTrue(f.message().contains("ix_email") && f.message().contains("users"), f.message());
        assertTrue(r.failed());
    }

    @Test
    void onlyTheRevisionsAskedForAreReported() {
        LintResult r = new LintFixture(tmp).yaml(TABLES + "  - create_index: {name: a, table: users, columns: [email]}\n")
                .yaml("  - create_index: {name: b, table: users, columns: [email]}\n").lintLast();
        assertEquals(1, r.findings().size());
        assertEquals(1, r.revisions());
    }
}
