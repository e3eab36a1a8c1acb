package dev.migrate.diff;

import java.util.List;

import dev.migrate.ops.Operation;

/**
 * What it takes to turn one schema into another: the upgrade operations in a safe order, and the
 * downgrade that undoes them exactly, already in the order it runs.
 *
 * @param notes differences no operation can carry out (a hypertable turned back into a plain
 *              table), one sentence each, for the user to handle by hand
 */
public record Diff(List<Operation> upgrade, List<Operation> downgrade, List<String> notes) {
    public Diff {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        notes = List.copyOf(notes);
    }

    /** Whether the two schemas are the same. */
    public boolean isEmpty() {
        return upgrade.isEmpty() && notes.isEmpty();
    }
}
