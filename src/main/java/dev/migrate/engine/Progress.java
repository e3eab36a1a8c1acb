package dev.migrate.engine;

import dev.migrate.graph.Step;
import dev.migrate.revision.RevisionScript;

/** Alembic-style progress lines: {@code Running upgrade 1975ea83b712 -> 3f2a9c1b7d4e, add device status (12 ms)}. */
final class Progress {
    private Progress() {
    }

    static String line(Step step, RevisionScript script, long millis) {
        String self = step.revision().id();
        String parents = step.revision().downRevisions().isEmpty() ? "<base>" : String.join(", ", step.revision().downRevisions());
        String arrow = step.upgrade() ? parents + " -> " + self : self + " -> " + parents;
        return "Running " + (step.upgrade() ? "upgrade " : "downgrade ") + arrow + ", " + script.message() + " (" + millis + " ms)";
    }
}
