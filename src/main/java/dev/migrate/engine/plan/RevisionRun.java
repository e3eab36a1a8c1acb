package dev.migrate.engine.plan;

import java.util.List;

import dev.migrate.graph.Step;
import dev.migrate.script.RevisionScript;
import dev.migrate.script.Statement;

/**
 * One revision's place in a run, in the order it runs: the session statements before its
 * transaction; when it runs outside a transaction, a {@code COMMIT} of the run's open transaction
 * ({@link #commitsFirst}) and its statements one by one in autocommit; its transaction (for a
 * revision outside one, only its version change and history row); the session statements after.
 *
 * @param outsideReason why the revision runs outside a transaction, as the log says it; null when
 *                      it runs inside one
 */
public record RevisionRun(Step step, RevisionScript script, String outsideReason, List<Statement> before,
                          boolean commitsFirst, List<Statement> autocommit, Transaction transaction,
                          List<Statement> after) {
    public RevisionRun {
        before = List.copyOf(before);
        autocommit = List.copyOf(autocommit);
        after = List.copyOf(after);
    }

    public boolean outside() {
        return outsideReason != null;
    }
}
