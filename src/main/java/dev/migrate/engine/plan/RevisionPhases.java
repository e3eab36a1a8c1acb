package dev.migrate.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.sql.Statement.Phase;
import dev.migrate.sql.Statement;

/**
 * The statements of one or more revisions arranged around their transaction: the session
 * settings before it, the body in order followed by the end-of-transaction checks, the settings
 * after it. Outer-phase statements with the same text run once.
 */
public record RevisionPhases(List<Statement> before, List<Statement> inTransaction, List<Statement> after) {
    public static RevisionPhases of(List<Statement> statements) {
        Map<String, Statement> before = new LinkedHashMap<>();
        List<Statement> body = new ArrayList<>();
        Map<String, Statement> end = new LinkedHashMap<>();
        Map<String, Statement> after = new LinkedHashMap<>();
        for (Statement st : statements) {
            switch (st.phase()) {
                case BEFORE_TRANSACTION -> before.putIfAbsent(st.sql(), st);
                case END_OF_TRANSACTION -> end.putIfAbsent(st.sql(), st);
                case AFTER_TRANSACTION -> after.putIfAbsent(st.sql(), st);
                default -> body.add(st);
            }
        }
        body.addAll(end.values());
        return new RevisionPhases(List.copyOf(before.values()), body, List.copyOf(after.values()));
    }

    /** Only the body: for steps inside a run-wide transaction, whose outer statements the run hoists. */
    public RevisionPhases bodyOnly() {
        return new RevisionPhases(List.of(), inTransaction, List.of());
    }

    public static boolean isOuter(Statement st) {
        return st.phase() == Phase.BEFORE_TRANSACTION || st.phase() == Phase.AFTER_TRANSACTION;
    }
}
