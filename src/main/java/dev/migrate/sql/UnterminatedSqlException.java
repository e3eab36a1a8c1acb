package dev.migrate.sql;

import dev.migrate.yaml.SourceException;

/** A quote, dollar-quoted body or block comment in a SQL revision that never ends; the line is where it starts. */
public class UnterminatedSqlException extends SourceException {
    public UnterminatedSqlException(String origin, int line, String what) {
        super(origin, line, "unterminated " + what + " starting on this line: the rest of the file "
                + "would be swallowed into one statement");
    }
}
