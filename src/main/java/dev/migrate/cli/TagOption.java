package dev.migrate.cli;

import picocli.CommandLine.Option;

/**
 * Alembic's {@code --tag} of upgrade and downgrade: a free text the revisions may read, here as
 * {@code ${x.tag}}; an explicit {@code -x tag=...} wins, as it is the more specific request
 * ({@link RunOptions} puts it first). Stamp's is {@link StampTagOption}.
 */
public class TagOption {
    @Option(names = "--tag", paramLabel = "TAG",
            description = "A text SQL revisions read as $${x.tag} (unless -x tag=... is given), as Alembic's --tag.")
    String tag;
}
