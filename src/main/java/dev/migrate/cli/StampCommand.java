package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migrate.engine.VersionTable;
import dev.migrate.graph.RevisionMap;
import dev.migrate.graph.VersionChange;
import io.smallrye.mutiny.Uni;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code migrate stamp REVS...}: writes the version table without running any revision. */
@Command(name = "stamp", description = "Set the version table to the given revisions without running migrations.")
public class StampCommand implements Callable<Integer> {
    @ParentCommand
    MigrateCommand root;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "head, heads, base, a revision, ...")
    List<String> targets;

    @Option(names = "--purge", description = "Empty the version table first, whatever it holds.")
    boolean purge;

    @Override
    public Integer call() {
        Workspace ws = root.workspace();
        RevisionMap graph = ws.graph();
        VersionTable versions = ws.versionTable();
        List<String> after = ws.withLockedDatabase((db, current) -> {
            List<String> next = graph.stamp(current, targets, purge);
            List<VersionChange> changes = new ArrayList<>();
            for (String id : current) if (!next.contains(id)) changes.add(new VersionChange.Delete(id));
            for (String id : next) if (!current.contains(id)) changes.add(new VersionChange.Insert(id));
            Uni<Void> write = versions.create(db).flatMap(v -> db.execute("BEGIN")).replaceWithVoid();
            if (purge) write = write.flatMap(v -> db.execute("DELETE FROM " + versions.qualifiedName())).replaceWithVoid();
            List<VersionChange> toApply = purge ? inserts(next) : changes;
            return write.flatMap(v -> versions.apply(db, toApply)).flatMap(v -> db.execute("COMMIT"))
                    .onFailure().call(e -> db.execute("ROLLBACK").onFailure().recoverWithItem(0))
                    .map(v -> next);
        });
        ws.log("Stamped " + (after.isEmpty() ? "<base>" : String.join(", ", after)));
        return 0;
    }

    private static List<VersionChange> inserts(List<String> ids) {
        List<VersionChange> out = new ArrayList<>();
        for (String id : ids) out.add(new VersionChange.Insert(id));
        return out;
    }
}
