package dev.migrate.revision;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.MigrateException;

/**
 * {@code init} was pointed at a folder that already holds files: it never mixes with existing
 * work. Run in an application's folder, the way out is a folder of its own, which the message names.
 */
public class TargetNotEmptyException extends MigrateException {
    public TargetNotEmptyException(Path dir) {
        super(dir + " exists and is not an empty directory: 'migrate init' only writes into a new or empty directory"
                + (Files.isDirectory(dir) ? "; to keep the migrations beside your application's files, give"
                + " them a folder of their own: 'migrate init " + suggestion(dir) + "', then run migrate there (cd "
                + suggestion(dir) + ") or with -c " + suggestion(dir) + "/migrate.yaml" : ""));
    }

    private static String suggestion(Path dir) {
        return dir.toString().equals(".") || dir.toString().isEmpty() ? "db" : dir.resolve("db").toString();
    }
}
