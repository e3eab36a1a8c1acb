package dev.migrate.graph;

import java.util.List;

/**
 * One node of the revision graph: the header fields that give the graph its shape.
 *
 * @param id             the revision identifier (up to 32 characters)
 * @param downRevisions  parents; empty for a base, several for a merge
 * @param branchLabels   labels usable as {@code label@head}, {@code label@base}
 * @param dependsOn      revisions or branch labels this one needs applied first, without being a parent
 * @param origin         the file it came from, for error messages
 */
public record Revision(String id, List<String> downRevisions, List<String> branchLabels,
                       List<String> dependsOn, String origin) {
    public Revision {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMerge() {
        return downRevisions.size() > 1;
    }
}
