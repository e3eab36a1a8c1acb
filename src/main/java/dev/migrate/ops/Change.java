package dev.migrate.ops;

/**
 * A requested new value for an altered attribute. A null {@code Change} means "leave it as it
 * is", while a {@code Change} holding null means "set it to nothing" (drop the default, remove
 * the comment): YAML tells the two apart by the key being absent or written as {@code null}.
 */
public record Change<T>(T value) {
}
