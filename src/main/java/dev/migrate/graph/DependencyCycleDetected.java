package dev.migrate.graph;

/** down_revision and depends_on links together form a loop. */
public class DependencyCycleDetected extends CycleDetected {
    public DependencyCycleDetected(String message) {
        super(message);
    }
}
