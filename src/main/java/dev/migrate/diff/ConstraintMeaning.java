package dev.migrate.diff;

import java.util.List;
import java.util.Objects;

import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.ForeignKey;
import dev.migrate.ops.PrimaryKey;
import dev.migrate.ops.TableConstraint;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.schema.Table;

/**
 * When an inspected constraint is the one the target declares: by what it constrains, its name
 * only when both sides have one. PostgreSQL names every constraint (its own {@code users_pkey}
 * when none was given); SQLite keeps no name for inline keys, so one schema compares clean
 * against both.
 */
final class ConstraintMeaning {
    private ConstraintMeaning() {
    }

    static <C extends TableConstraint> C match(List<C> candidates, C t, boolean unnamed) {
        for (C a : candidates) {
            if (unnamed ? a.name() == null && sameConstraint(a, t, true) : sameConstraint(a, t, false)) return a;
        }
        return null;
    }

    static boolean sameConstraint(TableConstraint a, TableConstraint t, boolean anyName) {
        if (!anyName && t.name() != null && !t.name().equals(a.name())) return false;
        if (a instanceof UniqueConstraint au && t instanceof UniqueConstraint tu) return au.columns().equals(tu.columns());
        if (a instanceof ForeignKey af && t instanceof ForeignKey tf) {
            return af.columns().equals(tf.columns()) && af.refTable().equals(tf.refTable())
                    && af.refColumns().equals(tf.refColumns()) && sameAction(af.onDelete(), tf.onDelete())
                    && sameAction(af.onUpdate(), tf.onUpdate()) && af.deferrable() == tf.deferrable()
                    && af.initiallyDeferred() == tf.initiallyDeferred();
        }
        if (a instanceof CheckConstraint ac && t instanceof CheckConstraint tc) {
            // a named check is known by its name: the database rewrites the expression in its own words
            return t.name() != null || Sql.same(ac.expression(), tc.expression());
        }
        return false;
    }

    /** NO ACTION is what no action means. */
    static boolean sameAction(String a, String t) {
        return Objects.equals(a == null ? "NO ACTION" : a, t == null ? "NO ACTION" : t);
    }

    /**
     * SQLite's identity column is {@code INTEGER PRIMARY KEY AUTOINCREMENT}: it reads back as an
     * unnamed primary key that the target, which only says identity, does not declare.
     */
    static boolean impliedByIdentity(Table a, Table t) {
        PrimaryKey pk = a.primaryKey();
        if (t.primaryKey() != null || pk == null || pk.name() != null || pk.columns().size() != 1) return false;
        Column c = a.column(pk.columns().get(0));
        return c != null && c.type().isIdentity();
    }

    static boolean samePrimaryKey(PrimaryKey a, PrimaryKey t) {
        if (a == null || t == null) return a == t;
        // an unnamed key read back (SQLite's INTEGER PRIMARY KEY) has no name to differ by
        return a.columns().equals(t.columns()) && (t.name() == null || a.name() == null || t.name().equals(a.name()));
    }
}
