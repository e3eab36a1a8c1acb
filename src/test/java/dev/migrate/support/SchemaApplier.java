package dev.migrate.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.Operation;
import dev.migrate.ops.Source;
import dev.migrate.schema.EnumType;
import dev.migrate.schema.Extension;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.View;
import dev.migrate.sql.Statement;

/**
 * Creates a schema in an empty database through the real operations and dialects, the way a
 * first revision would: extensions, enums, tables (referred tables first), indexes, views.
 */
public final class SchemaApplier {
    private static final Source AT = new Source("schema.yaml", 1);

    private SchemaApplier() {
    }

    public static List<Operation> operations(Schema schema) {
        List<Operation> out = new ArrayList<>();
        for (Extension e : schema.extensions().values()) out.add(new CreateExtension(AT, e.name(), e.schema(), e.version(), false));
        for (EnumType e : schema.enums().values()) out.add(new CreateEnum(AT, e.name(), e.schema(), e.values()));
        Set<String> created = new LinkedHashSet<>();
        while (created.size() < schema.tables().size()) {
            for (Table t : schema.tables().values()) {
                if (created.contains(t.name())) continue;
                boolean ready = true;
                for (ForeignKey fk : t.foreignKeys()) {
                    if (!fk.refTable().equals(t.name()) && !created.contains(fk.refTable())) ready = false;
                }
                if (ready) {
                    out.add(new CreateTable(AT, t.definition()));
                    created.add(t.name());
                }
            }
        }
        for (Table t : schema.tables().values()) {
            for (Index i : t.indexes().values()) out.add(new CreateIndex(AT, i, false, false));
        }
        for (View v : schema.views().values()) out.add(new CreateView(AT, v.name(), v.query(), v.materialized(), true, false));
        return out;
    }

    /** Runs the operations of {@code schema} on {@code db} with {@code dialect}'s SQL. */
    public static void apply(Schema schema, Dialect dialect, TestDatabase db) {
        for (Operation op : operations(schema)) {
            for (Statement st : dialect.render(op)) db.execute(st.sql());
        }
    }
}
