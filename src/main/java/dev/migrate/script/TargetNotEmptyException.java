package dev.migrate.script;

import dev.migrate.MigrateException;

/** {@code init} was pointed at a folder that already holds files: it never mixes with existing work. */
public class TargetNotEmptyException extends MigrateException {
    public TargetNotEmptyException(java.nio.file.Path dir) {
        super(dir + " exists and is not an empty directory: 'migrate init' only writes into a new or empty directory");
    }
}
