package dev.migrate.engine.plan;

import java.util.List;

/**
 * A transaction of the plan, or the part of one that a revision adds to the run's one transaction:
 * {@code BEGIN} when it {@link #begins}, then its set-up statements, its actions, and {@code COMMIT}
 * when it {@link #commits}.
 *
 * @param setUp statements every transaction runs first, right after its {@code BEGIN} (a
 *              {@code SET LOCAL}); empty for a part that joins an open transaction
 */
public record Transaction(boolean begins, List<String> setUp, List<Action> actions, boolean commits) {
    public Transaction {
        setUp = List.copyOf(setUp);
        actions = List.copyOf(actions);
    }
}
