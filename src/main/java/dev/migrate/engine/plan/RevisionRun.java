package dev.migrate.engine.plan;

import java.util.List;

import dev.migrate.graph.Step;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.Statement;

/**
 * One revision's place in a run, in the order it runs: the session statements before its
 * transaction; when it runs outside a transaction, a {@code COMMIT} of the run's open transaction
 * ({@link #commitsFirst}), the session settings it needs ({@link #sessionSetUp}), its statements one
 * by one in autocommit, and what resets those settings ({@link #sessionReset}); its transaction (for a
 * revision outside one, only its version change and history row); the session statements after.
 *
 * @param outsideReason why the revision runs outside a transaction, as the log says it; null when
 *                      it runs inside one
 */
public record RevisionRun(Step step, RevisionScript script, String outsideReason, List<Statement> before,
                          boolean commitsFirst, List<String> sessionSetUp, List<Statement> autocommit,
                          List<String> sessionReset, Transaction transaction, List<Statement> after) {
    public RevisionRun {
        before = List.copyOf(before);
        sessionSetUp = List.copyOf(sessionSetUp);
        sessionReset = List.copyOf(sessionReset);
        autocommit = List.copyOf(autocommit);
        after = List.copyOf(after);
    }

    public boolean outside() {
        return outsideReason != null;
    }
}
