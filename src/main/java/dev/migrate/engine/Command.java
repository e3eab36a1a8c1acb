package dev.migrate.engine;

import java.util.function.Supplier;

import dev.migrate.graph.VersionChange;
import dev.migrate.sql.Statement;

/**
 * One thing the runner sends for a step, and what it is, so that a failure can say what failed:
 * a statement of the revision (with its line), a version-table change (checked to touch one row),
 * the history row, or transaction control. The SQL is asked for when the command is sent, so it
 * may depend on that moment (the history row's duration).
 */
record Command(Kind kind, Statement statement, VersionChange change, Supplier<String> sql) {
    enum Kind { STATEMENT, VERSION, HISTORY, CONTROL }

    static Command statement(Statement st) {
        return new Command(Kind.STATEMENT, st, null, st::sql);
    }

    static Command version(VersionChange change, String sql) {
        return new Command(Kind.VERSION, null, change, () -> sql);
    }

    static Command history(Supplier<String> sql) {
        return new Command(Kind.HISTORY, null, null, sql);
    }

    static Command control(String sql) {
        return new Command(Kind.CONTROL, null, null, () -> sql);
    }
}
