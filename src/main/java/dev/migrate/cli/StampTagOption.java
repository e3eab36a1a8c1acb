package dev.migrate.cli;

import picocli.CommandLine.Option;

/**
 * Alembic's {@code --tag} of stamp, accepted so that the scripts written for Alembic run unchanged,
 * and ignored: Alembic hands it to env.py, which migrate has not, and where upgrade and downgrade
 * give it to the revisions as {@code ${x.tag}} ({@link TagOption}), stamp runs no revision to read it
 * (README, "Commands").
 */
public class StampTagOption {
    @Option(names = "--tag", paramLabel = "TAG",
            description = "Accepted for Alembic's scripts and ignored: stamp runs no revision that could read it.")
    String tag;
}
