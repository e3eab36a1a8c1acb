package dev.migrate.revision;

import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.sql.Statement;
import dev.migrate.yaml.Node;

/**
 * The {@code unconverted:} section import-alembic writes: Python it could not turn into operations,
 * quoted with its file and line. A direction that has such code refuses to run (online and with
 * --sql) until a person writes it as operations and deletes the entries, so it never runs half.
 */
final class UnconvertedCode implements Body {
    private final String origin;
    private final Node entries;
    private final Body converted;

    private UnconvertedCode(String origin, Node entries, Body converted) {
        this.origin = origin;
        this.entries = entries;
        this.converted = converted;
    }

    /** {@code body}, refusing each direction that {@code unconverted} (a list, or null) has code for. */
    static Body guard(String origin, Node unconverted, Body body) {
        if (unconverted.isNull()) return body;
        if (!unconverted.isList()) {
            throw new InvalidRevisionFileException(origin, unconverted.line(), "'unconverted' must be a list of quoted code");
        }
        for (Node item : unconverted.items()) {
            if (!item.isMap()) throw new InvalidRevisionFileException(origin, item.line(), "an 'unconverted' entry is a mapping");
            item.checkKeys("an unconverted entry", List.of("direction", "file", "line", "reason", "python"));
            String direction = item.get("direction").text();
            if (!"upgrade".equals(direction) && !"downgrade".equals(direction)) {
                throw new InvalidRevisionFileException(origin, item.line(), "direction must be upgrade or downgrade");
            }
        }
        return unconverted.items().isEmpty() ? body : new UnconvertedCode(origin, unconverted, body);
    }

    @Override
    public List<Statement> upgrade(Dialect dialect) {
        refuse("upgrade");
        return converted.upgrade(dialect);
    }

    @Override
    public List<Statement> downgrade(Dialect dialect) {
        refuse("downgrade");
        return converted.downgrade(dialect);
    }

    private void refuse(String direction) {
        for (Node item : entries.items()) {
            if (!direction.equals(item.get("direction").text())) continue;
            throw new MigrateException(origin + ":" + item.line() + ": this revision's " + direction + " has Python that was not"
                    + " converted (" + item.get("file").text() + ":" + item.get("line").text() + ": " + item.get("reason").text()
                    + "); write it as operations and delete its 'unconverted' entry before running it");
        }
    }
}
