package dev.migrate.cli;

import picocli.CommandLine.Option;

/**
 * Alembic's {@code --tag} of upgrade, downgrade and stamp: a free text the revisions may read, here
 * as {@code ${x.tag}}; an explicit {@code -x tag=...} wins, as it is the more specific request.
 */
public class TagOption {
    @Option(names = "--tag", paramLabel = "TAG",
            description = "A text SQL revisions read as $${x.tag} (unless -x tag=... is given), as Alembic's --tag.")
    String tag;

    /** Puts the tag before the {@code -x} pairs of {@code root}, where a later {@code -x tag=} overrides it. */
    void applyTo(MigrateCommand root) {
        if (tag != null) root.x.add(0, "tag=" + tag);
    }
}
