package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.ops.Operation;
import dev.migrate.sql.Catalog;
import dev.migrate.sql.CheckFailed;
import dev.migrate.sql.Computed;
import dev.migrate.sql.Statement.Phase;
import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Uni;

/**
 * The rebuild of one table for one or more consecutive operations of a revision, as Alembic's
 * batch mode does it: each operation's edit is applied in turn to the table's definition, and
 * the rows are copied once, into the result. So {@code alter_column} then
 * {@code create_check_constraint} on one table copy it once, not twice, and the table, its
 * indexes, triggers and views end as the two separate rebuilds would leave them.
 *
 * @param attached the attached database holding the table, or null for main
 * @param table    the table's name in it
 * @param steps    the operations and their edits, in order
 */
record TableEdits(String attached, String table, List<Step> steps) implements Computed {
    /**
     * One operation's edit; {@code plain} when its copy takes each column from the same-named one
     * (no {@code using} expression), the condition for joining it to the edit before it.
     */
    record Step(Operation op, TableRebuilds.Edit edit, boolean plain) {
    }

    TableEdits {
        steps = List.copyOf(steps);
    }

    @Override
    public Uni<List<String>> sql(Catalog catalog) {
        return TableRebuilds.schemaWhenItRuns(catalog, attached).map(schema -> {
            TableDef old = TableRebuilds.table(schema, table);
            TableChange change = null;
            for (Step step : steps) {
                try {
                    change = change == null ? step.edit().apply(old) : then(change, step.edit().apply(change.table()));
                } catch (CheckFailed e) {
                    // the statement carries the first operation's line: say which of the joined ones refused
                    if (steps.size() == 1) throw e;
                    throw new CheckFailed(step.op().kind() + " (line " + step.op().line() + "): " + e.getMessage());
                }
            }
            return Rebuild.sql(schema, attached, old, change);
        });
    }

    /** The SQL comment {@code show} and offline output print in its place. */
    String description() {
        List<String> kinds = new ArrayList<>();
        for (Step s : steps) kinds.add(s.op().kind() + (steps.size() > 1 ? " (line " + s.op().line() + ")" : ""));
        String name = attached == null ? table : attached + "." + table;
        return "-- rebuild of table " + name + " for " + String.join(", ", kinds) + ": written when it runs, from the schema as it is then";
    }

    /** The computed statement of a rebuild; it runs at the first operation's line. */
    Statement statement() {
        return Statement.computed(description(), steps.get(0).op().line(), Phase.IN_TRANSACTION, this);
    }

    /**
     * {@code out} followed by {@code next}, the statements of the next operation; when that
     * operation only rebuilds the table the last statement of {@code out} rebuilds, the two
     * rebuilds become one (the outer statements of a revision run once however often they appear).
     */
    static List<Statement> join(List<Statement> out, List<Statement> next) {
        List<Statement> joined = new ArrayList<>(out);
        int last = lastInTransaction(joined);
        TableEdits before = last < 0 ? null : edits(joined.get(last));
        TableEdits after = onlyRebuild(next);
        if (before == null || after == null || !before.sameTable(after) || !after.steps().get(0).plain()) {
            joined.addAll(next);
            return joined;
        }
        List<Step> steps = new ArrayList<>(before.steps());
        steps.addAll(after.steps());
        joined.set(last, new TableEdits(before.attached(), before.table(), steps).statement());
        for (Statement st : next) if (st.phase() != Phase.IN_TRANSACTION) joined.add(st);
        return joined;
    }

    private boolean sameTable(TableEdits other) {
        return table.equalsIgnoreCase(other.table)
                && (attached == null ? other.attached == null : attached.equalsIgnoreCase(other.attached));
    }

    private static int lastInTransaction(List<Statement> statements) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            if (statements.get(i).phase() == Phase.IN_TRANSACTION) return i;
        }
        return -1;
    }

    private static TableEdits edits(Statement st) {
        return st.computed() instanceof TableEdits e ? e : null;
    }

    /** The rebuild of {@code statements} when it is their only statement inside the transaction, else null. */
    private static TableEdits onlyRebuild(List<Statement> statements) {
        TableEdits found = null;
        for (Statement st : statements) {
            if (st.phase() != Phase.IN_TRANSACTION) continue;
            if (found != null || edits(st) == null) return null;
            found = edits(st);
        }
        return found;
    }

    /**
     * {@code first}, then {@code second} applied to its result: each column of the end result
     * filled from the old rows by what filled the column it is copied from.
     */
    static TableChange then(TableChange first, TableChange second) {
        Map<String, String> byReference = new LinkedHashMap<>();
        for (ColumnDef c : first.table().columns()) byReference.put(c.nameSql(), c.name());
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : second.copy().entrySet()) {
            String from = byReference.get(e.getValue());
            String value = from == null ? null : first.copy().get(from);
            if (value != null) copy.put(e.getKey(), value);
        }
        Set<String> dropped = new HashSet<>(first.droppedIndexes());
        dropped.addAll(second.droppedIndexes());
        return new TableChange(second.table(), copy, dropped);
    }
}
