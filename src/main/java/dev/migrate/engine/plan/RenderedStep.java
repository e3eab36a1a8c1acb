package dev.migrate.engine.plan;

import java.util.List;

import dev.migrate.graph.Step;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.Statement;

/**
 * A step with its revision's statements rendered for the database at hand: what the planner lays
 * out. Each sink renders them itself, as a failure to render reads differently live and offline.
 */
public record RenderedStep(Step step, RevisionScript script, List<Statement> statements) {
    public RenderedStep {
        statements = List.copyOf(statements);
    }
}
