package dev.migrate.ops;

import java.util.Optional;

/**
 * @param concurrently build without locking writes (PostgreSQL); the statement then runs outside a transaction
 * @param ifNotExists  do nothing when an index of that name exists
 */
public record CreateIndex(Source at, Index index, boolean concurrently, boolean ifNotExists) implements Operation {
    @Override
    public String kind() {
        return "create_index";
    }

    @Override
    public Optional<Operation> inverse() {
        return Optional.of(new DropIndex(at, index.name(), index.table(), index, concurrently, ifNotExists));
    }
}
