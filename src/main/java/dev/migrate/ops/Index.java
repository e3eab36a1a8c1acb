package dev.migrate.ops;

import java.util.List;

/**
 * An index definition.
 *
 * @param columns     column names, quoted as identifiers
 * @param expressions SQL expressions written verbatim after the columns ({@code lower(email)})
 * @param where       a partial-index predicate, or null
 * @param using       the access method (btree, gin, gist, brin, hash), or null for the default
 * @param include     covering columns (PostgreSQL {@code INCLUDE})
 */
public record Index(String name, String table, List<String> columns, List<String> expressions, boolean unique,
                    String where, String using, List<String> include) {
    public Index {
        columns = List.copyOf(columns);
        expressions = List.copyOf(expressions);
        include = List.copyOf(include);
    }
}
