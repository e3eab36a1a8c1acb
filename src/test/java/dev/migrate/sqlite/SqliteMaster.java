package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.migrate.support.TestDatabase;

/** sqlite_master as the offline schema model holds it, for the tests that compare the two. */
public final class SqliteMaster {
    private SqliteMaster() {
    }

    /** sqlite_master without automatic indexes and SQLite's own tables, sorted. */
    public static List<SchemaObject> of(TestDatabase db) {
        List<SchemaObject> out = new ArrayList<>();
        for (List<String> r : db.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                + " AND name NOT LIKE 'sqlite_%'")) {
            out.add(new SchemaObject(r.get(0), r.get(1), r.get(2), r.get(3)));
        }
        return sorted(out);
    }

    /** Objects by type, then name: the order {@link #of} gives. */
    public static List<SchemaObject> sorted(List<SchemaObject> objects) {
        List<SchemaObject> out = new ArrayList<>(objects);
        out.sort(Comparator.comparing(SchemaObject::type).thenComparing(SchemaObject::name));
        return out;
    }
}
