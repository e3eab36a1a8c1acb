package dev.migrate.ops;

import java.util.Optional;

/**
 * Sets a table's comment; a null comment removes it.
 *
 * @param existingComment the comment before, restored by the inverse (null: none)
 */
public record CreateTableComment(Source at, String table, String comment, String existingComment)
        implements Operation {
    @Override
    public String kind() {
        return "create_table_comment";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new CreateTableComment(at, table, existingComment, comment));
    }
}
