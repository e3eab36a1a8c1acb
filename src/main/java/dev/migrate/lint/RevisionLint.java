package dev.migrate.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrate.revision.RevisionScript;

/**
 * Lint of one revision as it runs: what it has created so far (a table created in the same
 * revision is empty, so nothing on it blocks anyone), the enum values it added in its transaction,
 * whether it ran DDL, and the findings, each matched with the suppression written at its
 * operation or statement.
 */
final class RevisionLint {
    /** A data update seen, reported at the end when the revision also runs DDL in its transaction. */
    private record DataUpdate(int line, int key, String table, String what) {
    }

    final RevisionScript script;
    final String file;
    final KnownSchema schema;
    final TableSizes sizes;
    /** False for a revision that is only read to learn the schema: its findings are not reported. */
    private final boolean reported;
    private final LintSettings settings;
    private final Map<Integer, Suppression> suppressions;
    private final Set<String> created = new HashSet<>();
    private final Set<String> enumValues = new HashSet<>();
    private final List<DataUpdate> updates = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private boolean ddl;

    RevisionLint(RevisionScript script, String file, KnownSchema schema, TableSizes sizes, LintSettings settings,
                 Map<Integer, Suppression> suppressions, boolean reported) {
        this.script = script;
        this.file = file;
        this.schema = schema;
        this.sizes = sizes;
        this.settings = settings;
        this.suppressions = new HashMap<>(suppressions);
        this.reported = reported;
    }

    String revision() {
        return script.id();
    }

    void created(String table) {
        created.add(key(table));
    }

    boolean createdHere(String table) {
        return table != null && created.contains(key(table));
    }

    /**
     * Whether a change to {@code table} can hold up the application: the table existed before this
     * revision (created by an earlier one, or in the database) and may hold rows. An unnamed table
     * ({@code DROP INDEX} names only the index) is taken to.
     */
    boolean populated(String table) {
        if (table == null) return true;
        return !createdHere(table) && sizes.mayHaveRows(table);
    }

    /** {@code table} named with its size when the database told it. */
    String table(String table) {
        return table + sizes.describe(table);
    }

    void ddl() {
        ddl = true;
    }

    void addedEnumValue(String value) {
        if (script.transactional()) enumValues.add(value);
    }

    /** Whether {@code value} was added to an enum earlier in this revision's transaction. */
    boolean newEnumValue(Object value) {
        return value instanceof String && enumValues.contains(value);
    }

    void dataUpdate(int line, int key, String table, String what) {
        updates.add(new DataUpdate(line, key, table, what));
    }

    /**
     * Records a finding at {@code line}; {@code key} is the line of the operation or statement
     * whose suppression applies (for a statement inside {@code execute}, the operation's).
     */
    void report(Rule rule, int line, int key, String message) {
        if (!reported) return;
        Suppression s = suppressions.get(key);
        String ignoredBy = s != null && s.covers(rule) ? s.reason()
                : settings.ignored().contains(rule) ? "ignored in the project's lint settings" : null;
        findings.add(new Finding(rule, settings.levelOf(rule), file, line, revision(), message, ignoredBy));
    }

    /** The findings, once every operation has been seen. */
    List<Finding> finish() {
        if (ddl && script.transactional()) {
            for (DataUpdate u : updates) {
                if (u.table() == null || populated(u.table())) {
                    report(Rule.DDL_WITH_DATA, u.line(), u.key(), u.what() + " runs in the same transaction as this"
                            + " revision's DDL" + (u.table() == null ? "" : ", on " + table(u.table())));
                }
            }
        }
        // the transaction-wide findings come last; the reader wants them in file order
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        return findings;
    }

    private static String key(String table) {
        String n = table.replace("\"", "").toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }
}
