package dev.migrate.ops;

/** {@code expression} is SQL, written verbatim: checks are rarely portable and users know their databases. */
public record CheckConstraint(String name, String expression) implements TableConstraint {
    @Override
    public String type() {
        return "check";
    }
}
