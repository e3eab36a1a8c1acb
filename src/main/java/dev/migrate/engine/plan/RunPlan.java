package dev.migrate.engine.plan;

import java.util.List;

import dev.migrate.sql.Statement;

/**
 * What an upgrade or downgrade runs, in order, without a database: the tool's tables created
 * unless they exist, the run's session statements before, each revision, the run's session
 * statements after. The live run sends it ({@link dev.migrate.engine.Migrator}), the offline one
 * prints it ({@link dev.migrate.engine.offline.OfflineMigrator}), so the two cannot drift apart.
 *
 * @param oneTransaction whether the run is one transaction ({@code transaction_per_migration:
 *                       false}); its revisions then hold no session statements of their own, the
 *                       run's {@link #before} and {@link #after} hold them all
 */
public record RunPlan(boolean createsVersionTable, boolean createsHistoryTable, boolean oneTransaction,
                      List<Statement> before, List<RevisionRun> revisions, List<Statement> after) {
    public RunPlan {
        before = List.copyOf(before);
        revisions = List.copyOf(revisions);
        after = List.copyOf(after);
    }
}
