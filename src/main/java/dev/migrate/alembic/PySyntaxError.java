package dev.migrate.alembic;

import dev.migrate.MigrateException;

/** Python that the importer's tokenizer or parser cannot read, with the file and line. */
final class PySyntaxError extends MigrateException {
    private final int line;

    PySyntaxError(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
