package dev.migrate.revision;

import dev.migrate.MigrateException;

/** {@code init --template} named a template that does not exist; wrong usage, exit status 2. */
public class UnknownTemplateException extends MigrateException {
    public UnknownTemplateException(String name, java.util.List<String> known) {
        super("unknown template '" + name + "' (available: " + String.join(", ", known) + ")", 2, null);
    }
}
