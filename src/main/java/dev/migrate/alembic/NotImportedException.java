package dev.migrate.alembic;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.MigrateException;

/**
 * An Alembic environment met where a migrate one was expected: its history would read as empty,
 * so the command stops and names {@code migrate import-alembic}, which converts it once.
 */
public final class NotImportedException extends MigrateException {
    private static final String HOW = "convert it once with 'migrate import-alembic";

    private NotImportedException(String message) {
        super(message);
    }

    /** {@code -c alembic.ini} (or $MIGRATE_CONFIG naming one). */
    public static NotImportedException config(String name, String namedBy) {
        return new NotImportedException(name + " (named by " + namedBy + ") is an Alembic configuration, not a migrate.yaml: "
                + HOW + " " + name + "' (it writes migrate.yaml and YAML revisions with the same ids beside it),"
                + " then give that migrate.yaml");
    }

    /** An alembic.ini in the working folder and no migrate.yaml. */
    public static NotImportedException iniWithoutMigrateYaml(Path ini) {
        return new NotImportedException("no migrate.yaml here, but an Alembic environment (" + ini + "): migrate does not"
                + " read Alembic's Python revisions; " + HOW + "' (it writes migrate.yaml and YAML revisions with the same ids)");
    }

    /** Alembic revision files in a version folder of migrate's. */
    public static NotImportedException revisionsInVersionFolder(Path folder, List<Path> files) {
        List<String> names = files.stream().limit(3).map(f -> f.getFileName().toString()).toList();
        return new NotImportedException("version folder " + folder + " holds " + files.size() + " Alembic revision file"
                + (files.size() == 1 ? "" : "s") + " (" + String.join(", ", names) + (files.size() > 3 ? ", ..." : "")
                + ") that migrate does not read: " + HOW + " [alembic.ini]' into YAML revisions with the same ids"
                + " (--out DIR for a new folder), and point version_locations there");
    }

    /** The database is at a revision no migrate revision file declares; {@code alembicFile} declares it, or is null. */
    public static MigrateException unknownRevision(String id, Path alembicFile) {
        String hint = alembicFile != null
                ? " The Alembic revision file " + alembicFile + " declares it: import that environment with"
                        + " 'migrate import-alembic' to continue this database with migrate."
                : " No Alembic revision file (*.py) in the version folders or beside an alembic.ini declares it either"
                        + " (a database Alembic migrated continues after 'migrate import-alembic').";
        return new MigrateException("Can't locate revision identified by '" + id + "': the version table names it but no"
                + " revision file declares it." + hint);
    }
}
