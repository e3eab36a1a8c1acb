package dev.migrate.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A database schema in the vocabulary of the operations (README, "YAML revisions" and "Target schema"): what
 * {@code schema.yaml} says the database should be, or what {@code inspect} read from a live one.
 * Immutable; every collection is keyed by its objects' (schema-qualified) names in sorted order,
 * so two schemas compare with {@code equals}, print the same way every time, and can be walked side
 * by side by a comparison.
 *
 * @param extensions  keyed by extension name
 * @param enums       keyed by {@link EnumType#qualifiedName()}
 * @param tables      keyed by table name ({@code audit.events} outside the default schema)
 * @param views       keyed by view name
 * @param hypertables keyed by table name
 */
public record Schema(SortedMap<String, Extension> extensions, SortedMap<String, EnumType> enums,
                     SortedMap<String, Table> tables, SortedMap<String, View> views,
                     SortedMap<String, Hypertable> hypertables) {
    public static final Schema EMPTY = of(List.of(), List.of(), List.of(), List.of(), List.of());

    public Schema {
        extensions = frozen(extensions);
        enums = frozen(enums);
        tables = frozen(tables);
        views = frozen(views);
        hypertables = frozen(hypertables);
    }

    /** A schema from lists; two objects of one kind with the same name are a programming error. */
    public static Schema of(Collection<Extension> extensions, Collection<EnumType> enums, Collection<Table> tables,
                            Collection<View> views, Collection<Hypertable> hypertables) {
        return new Schema(byName(extensions, Extension::name), byName(enums, EnumType::qualifiedName),
                byName(tables, Table::name), byName(views, View::name), byName(hypertables, Hypertable::table));
    }

    private static <T> SortedMap<String, T> byName(Collection<T> items, Function<T, String> name) {
        SortedMap<String, T> out = new TreeMap<>();
        for (T item : items) {
            if (out.put(name.apply(item), item) != null) {
                throw new IllegalArgumentException("two objects named " + name.apply(item));
            }
        }
        return out;
    }

    private static <T> SortedMap<String, T> frozen(SortedMap<String, T> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The table named {@code name}, or null. */
    public Table table(String name) {
        return tables.get(name);
    }

    public boolean isEmpty() {
        return extensions.isEmpty() && enums.isEmpty() && tables.isEmpty() && views.isEmpty() && hypertables.isEmpty();
    }
}
