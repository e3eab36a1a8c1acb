package dev.migrate.sqlite;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a rebuild makes of a table: its new definition, the expression that fills each column
 * from the old rows (a column left out takes its default), and the old indexes that are not
 * recreated (those on a dropped column).
 */
record TableChange(TableDef table, Map<String, String> copy, Set<String> droppedIndexes) {
    TableChange {
        copy = Map.copyOf(copy);
        droppedIndexes = Set.copyOf(droppedIndexes);
    }

    /** {@code updated} filled column by column from the same-named stored columns of {@code old}. */
    static TableChange of(TableDef old, TableDef updated) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (ColumnDef c : updated.columns()) {
            ColumnDef before = old.column(c.name());
            if (before != null && !before.isGenerated() && !c.isGenerated()) copy.put(c.name(), before.nameSql());
        }
        return new TableChange(updated, copy, Set.of());
    }

    /** The column called {@code column} (as the new definition names it) filled with {@code expression} instead. */
    TableChange copying(String column, String expression) {
        Map<String, String> out = new LinkedHashMap<>(copy);
        out.put(table.column(column).name(), expression);
        return new TableChange(table, out, droppedIndexes);
    }

    TableChange dropping(String index) {
        Set<String> out = new HashSet<>(droppedIndexes);
        out.add(index);
        return new TableChange(table, copy, out);
    }
}
