package dev.migrate.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddCompressionPolicy;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AddRetentionPolicy;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.Change;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.CreateCheckConstraint;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateForeignKey;
import dev.migrate.ops.CreateHypertable;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreatePrimaryKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.CreateUniqueConstraint;
import dev.migrate.ops.CreateView;
import dev.migrate.ops.DisableCompression;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropView;
import dev.migrate.ops.EnableCompression;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.Index;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.RemoveCompressionPolicy;
import dev.migrate.ops.RemoveRetentionPolicy;
import dev.migrate.ops.ReplaceEnumValues;
import dev.migrate.ops.SetChunkTimeInterval;
import dev.migrate.ops.Source;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.schema.Compression;
import dev.migrate.schema.EnumType;
import dev.migrate.schema.Extension;
import dev.migrate.schema.Hypertable;
import dev.migrate.schema.Schema;
import dev.migrate.schema.Table;
import dev.migrate.schema.View;

/**
 * Compares the inspected schema with the target (README, "Target schema: `schema.yaml`") and writes the operations that turn
 * one into the other. Each change is a step holding its upgrade operation and the exact operation
 * that undoes it; steps are grouped in phases whose order keeps every statement valid (what is
 * removed goes first, innermost objects first; then extensions, enums, tables, columns,
 * constraints, indexes, views, hypertables, policies), and the downgrade is the undoing steps in
 * the reverse order. Renames are never guessed: a renamed column is a drop and an add.
 */
public final class SchemaDiff {
    private static final Source AT = new Source("autogenerate", 0);

    private enum Phase {
        REMOVE_POLICIES, DROP_VIEWS, DROP_INDEXES, DROP_CONSTRAINTS, DROP_COLUMNS, DROP_TABLES, EXTENSIONS, ENUMS,
        TABLES, COLUMNS, CONSTRAINTS, INDEXES, VIEWS, HYPERTABLES, POLICIES, DROP_ENUMS, DROP_EXTENSIONS
    }

    /** One change: the upgrade operation (null when only the downgrade has work) and its undoing (null when none). */
    private record Step(Operation up, Operation down) {
    }

    private final ColumnComparison columns;
    private final List<List<Step>> phases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private SchemaDiff(ColumnComparison columns) {
        this.columns = columns;
        for (int i = 0; i < Phase.values().length; i++) phases.add(new ArrayList<>());
    }

    /** The operations that turn {@code actual} into {@code target}, types and defaults compared as {@code dialect} writes them. */
    public static Diff compare(Schema actual, Schema target, Dialect dialect) {
        return compare(actual, target, new ColumnComparison(dialect));
    }

    /** The same, columns compared by {@code columns}. */
    public static Diff compare(Schema actual, Schema target, ColumnComparison columns) {
        SchemaDiff diff = new SchemaDiff(columns);
        diff.extensions(actual, target);
        diff.enums(actual, target);
        diff.tables(actual, target);
        diff.views(actual, target);
        diff.hypertables(actual, target);
        List<Operation> up = new ArrayList<>();
        List<Operation> down = new ArrayList<>();
        for (List<Step> phase : diff.phases) {
            for (Step s : phase) {
                if (s.up() != null) up.add(s.up());
                if (s.down() != null) down.add(s.down());
            }
        }
        java.util.Collections.reverse(down);
        return new Diff(up, down, diff.notes);
    }

    private void add(Phase phase, Operation up, Operation down) {
        phases.get(phase.ordinal()).add(new Step(up, down));
    }

    /** An operation whose inverse is exact. */
    private void add(Phase phase, Operation up) {
        add(phase, up, up.inverse().orElseThrow());
    }

    private void extensions(Schema actual, Schema target) {
        for (Extension t : target.extensions().values()) {
            Extension a = actual.extensions().get(t.name());
            if (a == null) {
                add(Phase.EXTENSIONS, new CreateExtension(AT, t.name(), t.schema(), t.version(), false));
            } else if (t.version() != null && !t.version().equals(a.version())
                    || t.schema() != null && !t.schema().equals(a.schema())) {
                notes.add("extension " + t.name() + " is " + describe(a) + ", the target says " + describe(t)
                        + ": update or move it by hand (ALTER EXTENSION)");
            }
        }
        for (Extension a : actual.extensions().values()) {
            if (!target.extensions().containsKey(a.name())) {
                add(Phase.DROP_EXTENSIONS, new DropExtension(AT, a.name(), false, false, a.schema(), a.version()));
            }
        }
    }

    private static String describe(Extension e) {
        return "version " + e.version() + (e.schema() == null ? "" : " in schema " + e.schema());
    }

    /** Appended values are added one by one (PostgreSQL cannot remove them: the downgrade replaces the list). */
    private void enums(Schema actual, Schema target) {
        java.util.Collection<EnumType> targetEnums = columns.keepsEnumTypes() ? target.enums().values()
                : EnumValues.heldByColumns(target);
        for (EnumType t : targetEnums) {
            EnumType a = actual.enums().get(t.qualifiedName());
            if (a == null) {
                // the columns carry the values too (EnumValues), so undoing the table on PostgreSQL may drop the type first
                add(Phase.ENUMS, new CreateEnum(AT, t.name(), t.schema(), t.values()),
                        new DropEnum(AT, t.name(), t.schema(), t.values(), true));
            } else if (!a.values().equals(t.values())) {
                boolean appended = t.values().size() > a.values().size()
                        && t.values().subList(0, a.values().size()).equals(a.values());
                if (appended) {
                    Operation restore = new ReplaceEnumValues(AT, t.name(), t.schema(), a.values(), t.values());
                    for (String value : t.values().subList(a.values().size(), t.values().size())) {
                        add(Phase.ENUMS, new AddEnumValue(AT, t.name(), t.schema(), value, null, null, false), restore);
                        restore = null;
                    }
                } else {
                    add(Phase.ENUMS, new ReplaceEnumValues(AT, t.name(), t.schema(), t.values(), a.values()));
                }
            }
        }
        for (EnumType a : actual.enums().values()) {
            if (targetEnums.stream().noneMatch(t -> t.qualifiedName().equals(a.qualifiedName()))) {
                add(Phase.DROP_ENUMS, new DropEnum(AT, a.name(), a.schema(), a.values(), true));
            }
        }
    }

    private void tables(Schema actual, Schema target) {
        for (Table t : referencedFirst(target, target.tables().keySet(), actual)) {
            add(Phase.TABLES, new CreateTable(AT, EnumValues.on(t.definition(), target)));
            for (Index i : t.indexes().values()) add(Phase.INDEXES, new CreateIndex(AT, i, false, false));
        }
        List<Table> dropped = referencedFirst(actual, actual.tables().keySet(), target);
        java.util.Collections.reverse(dropped);
        for (Table a : dropped) {
            for (Index i : a.indexes().values()) add(Phase.DROP_INDEXES, dropIndex(i));
            add(Phase.DROP_TABLES, new DropTable(AT, a.name(), EnumValues.on(a.definition(), actual)));
        }
        for (Table t : target.tables().values()) {
            Table a = actual.table(t.name());
            if (a != null) table(a, t, actual, target);
        }
    }

    /**
     * The tables of {@code schema} named in {@code names} but missing from {@code other}, each after
     * the tables its foreign keys refer to (a cycle keeps the remaining order).
     */
    private static List<Table> referencedFirst(Schema schema, Set<String> names, Schema other) {
        Set<String> pending = new LinkedHashSet<>();
        for (String n : names) if (other.table(n) == null) pending.add(n);
        List<Table> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            String next = null;
            for (String n : pending) {
                boolean ready = true;
                for (ForeignKey fk : schema.table(n).foreignKeys()) {
                    if (!fk.refTable().equals(n) && pending.contains(fk.refTable())) ready = false;
                }
                if (ready) {
                    next = n;
                    break;
                }
            }
            if (next == null) next = pending.iterator().next();
            pending.remove(next);
            out.add(schema.table(next));
        }
        return out;
    }

    private void table(Table a, Table t, Schema actualSchema, Schema targetSchema) {
        String name = t.name();
        for (Column tc : t.columns()) {
            Column ac = a.column(tc.name());
            if (ac == null) {
                add(Phase.COLUMNS, new AddColumn(AT, name, EnumValues.on(tc, targetSchema)));
            } else {
                column(name, ac, tc, actualSchema, targetSchema);
            }
        }
        for (Column ac : a.columns()) {
            if (t.column(ac.name()) == null) {
                add(Phase.DROP_COLUMNS, new DropColumn(AT, name, ac.name(), EnumValues.on(ac, actualSchema)));
            }
        }
        if (!Objects.equals(a.comment(), t.comment())) {
            add(Phase.COLUMNS, new CreateTableComment(AT, name, t.comment(), a.comment()));
        }
        if (!ConstraintMeaning.samePrimaryKey(a.primaryKey(), t.primaryKey()) && !ConstraintMeaning.impliedByIdentity(a, t)) {
            if (a.primaryKey() != null) add(Phase.DROP_CONSTRAINTS, dropConstraint(name, a.primaryKey()));
            if (t.primaryKey() != null) {
                PrimaryKey pk = t.primaryKey();
                add(Phase.CONSTRAINTS, new CreatePrimaryKey(AT, name,
                        new PrimaryKey(pk.name() != null ? pk.name() : bare(name) + "_pkey", pk.columns())));
            }
        }
        constraints(name, a.uniques(), t.uniques());
        constraints(name, a.foreignKeys(), t.foreignKeys());
        constraints(name, a.checks(), t.checks());
        for (Index ti : t.indexes().values()) {
            Index ai = a.indexes().get(ti.name());
            if (ai != null && sameIndex(ai, ti)) continue;
            if (ai != null) add(Phase.DROP_INDEXES, dropIndex(ai));
            add(Phase.INDEXES, new CreateIndex(AT, ti, false, false));
        }
        for (Index ai : a.indexes().values()) {
            if (!t.indexes().containsKey(ai.name())) add(Phase.DROP_INDEXES, dropIndex(ai));
        }
    }

    /**
     * One alter_column with every changed attribute and its old value, so it inverts exactly;
     * compared as declared, written with the enum values each side's schema declares.
     */
    private void column(String table, Column a, Column t, Schema actualSchema, Schema targetSchema) {
        boolean type = !columns.sameType(a.type(), t.type());
        boolean nullable = a.nullable() != t.nullable();
        boolean dflt = !columns.sameDefault(t.type(), a.serverDefault(), t.serverDefault());
        boolean comment = !Objects.equals(a.comment(), t.comment());
        if (!type && !nullable && !dflt && !comment) return;
        add(Phase.COLUMNS, new AlterColumn(AT, table, t.name(), type ? EnumValues.on(t.type(), targetSchema) : null, null,
                nullable ? t.nullable() : null,
                dflt ? new Change<>(t.serverDefault()) : null,
                comment ? new Change<>(t.comment()) : null,
                null,
                type ? EnumValues.on(a.type(), actualSchema) : null,
                dflt ? new Change<>(a.serverDefault()) : null,
                comment ? new Change<>(a.comment()) : null));
    }

    /**
     * Constraints match when they mean the same; a target constraint without a name matches any
     * name. A constraint the database keeps no name for (SQLite's inline keys) matches by meaning
     * whatever name the target gives it, as PostgreSQL's generated names ({@code users_email_key})
     * do when the target was inspected there; the exact matches are paired first.
     */
    private <C extends TableConstraint> void constraints(String table, List<C> actual, List<C> target) {
        List<C> unmatched = new ArrayList<>(actual);
        List<C> missing = new ArrayList<>();
        for (C t : target) {
            C found = ConstraintMeaning.match(unmatched, t, false);
            if (found != null) unmatched.remove(found);
            else missing.add(t);
        }
        for (C t : missing) {
            C found = ConstraintMeaning.match(unmatched, t, true);
            if (found != null) unmatched.remove(found);
            else add(Phase.CONSTRAINTS, createConstraint(table, t));
        }
        for (C a : unmatched) add(Phase.DROP_CONSTRAINTS, dropConstraint(table, a));
    }

    private static boolean sameIndex(Index a, Index t) {
        return a.columns().equals(t.columns()) && a.unique() == t.unique() && a.include().equals(t.include())
                && Objects.equals(method(a.using()), method(t.using())) && Sql.same(a.where(), t.where())
                && Sql.same(String.join(",", a.expressions()), String.join(",", t.expressions()));
    }

    private static String method(String using) {
        return using == null ? "btree" : using;
    }

    private static Operation createConstraint(String table, TableConstraint c) {
        String stem = bare(table) + "_" + String.join("_", columnsOf(c));
        if (c instanceof UniqueConstraint u) {
            return new CreateUniqueConstraint(AT, table, new UniqueConstraint(u.name() != null ? u.name() : stem + "_key", u.columns()));
        }
        if (c instanceof ForeignKey f) {
            return new CreateForeignKey(AT, table, new ForeignKey(f.name() != null ? f.name() : stem + "_fkey", f.columns(),
                    f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate(), f.deferrable(), f.initiallyDeferred()));
        }
        CheckConstraint k = (CheckConstraint) c;
        return new CreateCheckConstraint(AT, table, new CheckConstraint(k.name() != null ? k.name() : bare(table) + "_check",
                k.expression()));
    }

    private static List<String> columnsOf(TableConstraint c) {
        if (c instanceof UniqueConstraint u) return u.columns();
        if (c instanceof ForeignKey f) return f.columns();
        if (c instanceof PrimaryKey p) return p.columns();
        return List.of();
    }

    /** A constraint read without a name (SQLite keeps none) is dropped by the name PostgreSQL would give it. */
    private static Operation dropConstraint(String table, TableConstraint c) {
        if (c instanceof PrimaryKey p && p.name() == null) {
            return new DropConstraint(AT, table, bare(table) + "_pkey", c.type(), new PrimaryKey(bare(table) + "_pkey", p.columns()));
        }
        if (c.name() == null) return createConstraint(table, c).inverse().orElseThrow();
        return new DropConstraint(AT, table, c.name(), c.type(), c);
    }

    private static Operation dropIndex(Index i) {
        return new DropIndex(AT, i.name(), i.table(), i, false, false);
    }

    /** The table's name without its schema, the stem of the names PostgreSQL gives constraints. */
    private static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }

    /** Views are known by name: the database rewrites a view's query, so the text is not compared. */
    private void views(Schema actual, Schema target) {
        for (View t : target.views().values()) {
            View a = actual.views().get(t.name());
            if (a != null && a.materialized() == t.materialized()) continue;
            if (a != null) add(Phase.DROP_VIEWS, dropView(a));
            add(Phase.VIEWS, new CreateView(AT, t.name(), t.query(), t.materialized(), true, false));
        }
        for (View a : actual.views().values()) {
            if (!target.views().containsKey(a.name())) add(Phase.DROP_VIEWS, dropView(a));
        }
    }

    private static Operation dropView(View v) {
        return new DropView(AT, v.name(), v.materialized(), false, v.query(), true);
    }

    private void hypertables(Schema actual, Schema target) {
        for (Hypertable t : target.hypertables().values()) {
            Hypertable a = actual.hypertables().get(t.table());
            if (a == null) {
                // TimescaleDB cannot turn it back into a plain table: the downgrade of a new table drops it
                add(Phase.HYPERTABLES, create(t), null);
                policies(null, t);
            } else if (!t.timeColumn().equals(a.timeColumn()) || !Objects.equals(t.partitioningColumn(), a.partitioningColumn())
                    || !Objects.equals(t.numberPartitions(), a.numberPartitions())) {
                notes.add("hypertable " + t.table() + " is partitioned differently from the target (time column, space "
                        + "partitioning): TimescaleDB cannot change that; recreate the table by hand");
            } else {
                if (t.chunkTimeInterval() != null && !sameValue(a.chunkTimeInterval(), t.chunkTimeInterval())) {
                    add(Phase.HYPERTABLES, new SetChunkTimeInterval(AT, t.table(), t.chunkTimeInterval(), a.chunkTimeInterval()));
                }
                policies(a, t);
            }
        }
        for (Hypertable a : actual.hypertables().values()) {
            if (target.hypertables().containsKey(a.table())) continue;
            if (target.table(a.table()) != null) {
                notes.add("table " + a.table() + " is a hypertable and the target says a plain table: TimescaleDB cannot "
                        + "turn a hypertable back; recreate the table by hand");
                continue;
            }
            // the table is dropped; its downgrade recreates it, then the hypertable and policies in this order
            if (a.dropAfter() != null) add(Phase.REMOVE_POLICIES, null, new AddRetentionPolicy(AT, a.table(), a.dropAfter(), false));
            Compression c = a.compression();
            if (c != null && c.compressAfter() != null) {
                add(Phase.REMOVE_POLICIES, null, new AddCompressionPolicy(AT, a.table(), c.compressAfter(), false));
            }
            if (c != null) add(Phase.REMOVE_POLICIES, null, new EnableCompression(AT, a.table(), c.segmentBy(), c.orderBy()));
            add(Phase.REMOVE_POLICIES, null, create(a));
        }
    }

    private static CreateHypertable create(Hypertable h) {
        return new CreateHypertable(AT, h.table(), h.timeColumn(), h.chunkTimeInterval(), h.partitioningColumn(),
                h.numberPartitions(), false, false, null);
    }

    /** Compression and retention of a hypertable that exists on both sides ({@code a}) or is new ({@code a} null). */
    private void policies(Hypertable a, Hypertable t) {
        String table = t.table();
        Compression ac = a == null ? null : a.compression();
        Compression tc = t.compression();
        boolean settings = !sameSettings(ac, tc);
        Object oldAfter = ac == null ? null : ac.compressAfter();
        Object newAfter = tc == null ? null : tc.compressAfter();
        if (settings || !sameValue(oldAfter, newAfter)) {
            if (oldAfter != null) add(Phase.REMOVE_POLICIES, new RemoveCompressionPolicy(AT, table, false, oldAfter));
        }
        if (settings && ac != null) add(Phase.REMOVE_POLICIES, new DisableCompression(AT, table, ac.segmentBy(), ac.orderBy()));
        if (settings && tc != null) add(Phase.POLICIES, new EnableCompression(AT, table, tc.segmentBy(), tc.orderBy()));
        if ((settings || !sameValue(oldAfter, newAfter)) && newAfter != null) {
            add(Phase.POLICIES, new AddCompressionPolicy(AT, table, newAfter, false));
        }
        Object oldDrop = a == null ? null : a.dropAfter();
        if (!sameValue(oldDrop, t.dropAfter())) {
            if (oldDrop != null) add(Phase.REMOVE_POLICIES, new RemoveRetentionPolicy(AT, table, false, oldDrop));
            if (t.dropAfter() != null) add(Phase.POLICIES, new AddRetentionPolicy(AT, table, t.dropAfter(), false));
        }
    }

    private static boolean sameSettings(Compression a, Compression t) {
        if (a == null || t == null) return a == t;
        return a.segmentBy().equals(t.segmentBy()) && a.orderBy().equals(t.orderBy());
    }

    private static boolean sameValue(Object a, Object b) {
        return a == null ? b == null : b != null && String.valueOf(a).equals(String.valueOf(b));
    }
}
