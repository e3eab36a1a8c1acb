package dev.migrate.revision;

import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.sql.Statement;

/** What a revision does, in either file format: the statements each direction sends to a dialect. */
public interface Body {
    List<Statement> upgrade(Dialect dialect);

    List<Statement> downgrade(Dialect dialect);
}
