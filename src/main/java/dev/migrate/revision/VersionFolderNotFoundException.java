package dev.migrate.revision;

import dev.migrate.MigrateException;

/** A folder listed in {@code version_locations} (or given by {@code --version-path}) does not exist. */
public class VersionFolderNotFoundException extends MigrateException {
    public VersionFolderNotFoundException(java.nio.file.Path folder) {
        super("version folder " + folder + " does not exist or is not a directory: create it, "
                + "or fix version_locations in migrate.yaml (run 'migrate init' for a new environment)");
    }
}
