package dev.migrate.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.TableDefinition;
import dev.migrate.ops.UniqueConstraint;

/**
 * A table of the target or the inspected schema, in the vocabulary of {@code create_table} and
 * {@code create_index}. Every constraint is kept at table level: a column's {@code primary_key},
 * {@code unique} and {@code references} flags are folded into {@link #primaryKey}, {@link #uniques}
 * and {@link #foreignKeys} when it is read, so two tables that mean the same are equal.
 * Columns keep their order; constraints are sorted by name (unnamed last) and indexes are keyed by
 * name, so a comparison can walk two tables side by side.
 *
 * @param name       possibly schema-qualified ({@code audit.events}), as operations write it
 * @param primaryKey the primary key, or null
 * @param comment    the table's comment, or null
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<ForeignKey> foreignKeys, List<CheckConstraint> checks, SortedMap<String, Index> indexes,
                    String comment) {
    private static final Comparator<String> NAME_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    public Table {
        columns = List.copyOf(columns);
        uniques = sorted(uniques, Comparator.comparing(UniqueConstraint::name, NAME_ORDER)
                .thenComparing(u -> String.join(",", u.columns())));
        foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name, NAME_ORDER)
                .thenComparing(f -> String.join(",", f.columns())).thenComparing(ForeignKey::refTable));
        checks = sorted(checks, Comparator.comparing(CheckConstraint::name, NAME_ORDER)
                .thenComparing(CheckConstraint::expression));
        indexes = Collections.unmodifiableSortedMap(new TreeMap<>(indexes));
    }

    /** A table from its parts, the indexes given as a list (their names must differ). */
    public static Table of(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                           List<ForeignKey> foreignKeys, List<CheckConstraint> checks, Collection<Index> indexes,
                           String comment) {
        SortedMap<String, Index> byName = new TreeMap<>();
        for (Index i : indexes) {
            if (byName.put(i.name(), i) != null) throw new IllegalArgumentException("index " + i.name() + " twice");
        }
        return new Table(name, columns, primaryKey, uniques, foreignKeys, checks, byName, comment);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return List.copyOf(out);
    }

    /** The column named {@code columnName}, or null. */
    public Column column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return c;
        return null;
    }

    /** The table as create_table would create it (its indexes are separate operations). */
    public TableDefinition definition() {
        return new TableDefinition(name, columns, primaryKey, uniques, foreignKeys, checks, comment);
    }
}
