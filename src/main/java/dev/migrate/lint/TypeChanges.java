package dev.migrate.lint;

/**
 * Which column type changes PostgreSQL makes without touching the rows. The rest rewrite the table
 * (or, for a tighter limit, scan all of it) under an ACCESS EXCLUSIVE lock.
 */
final class TypeChanges {
    private TypeChanges() {
    }

    /**
     * Whether changing a column from {@code from} to {@code to} rewrites or scans the table; an
     * unknown {@code from} is taken to: only a known pair can be proven safe.
     */
    static boolean rewrites(PgType from, PgType to) {
        if (from == null) return true;
        if (from.equals(to)) return false;
        boolean fromText = from.name().equals("text") || from.name().equals("varchar");
        if (fromText && to.name().equals("text")) return false;
        if (fromText && to.name().equals("varchar")) {
            if (to.modifiers().isEmpty()) return false;
            // A larger limit only changes the catalog; a smaller one, or one on text, checks every row.
            return from.modifiers().isEmpty() || to.modifiers().get(0) < from.modifiers().get(0);
        }
        if (from.name().equals("numeric") && to.name().equals("numeric")) {
            if (to.modifiers().isEmpty()) return false;
            if (from.modifiers().isEmpty()) return true;
            int fromScale = from.modifiers().size() > 1 ? from.modifiers().get(1) : 0;
            int toScale = to.modifiers().size() > 1 ? to.modifiers().get(1) : 0;
            return fromScale != toScale || to.modifiers().get(0) < from.modifiers().get(0);
        }
        if (from.name().equals("varbit") && to.name().equals("varbit")) {
            return !to.modifiers().isEmpty() && (from.modifiers().isEmpty() || to.modifiers().get(0) < from.modifiers().get(0));
        }
        if (from.name().equals("cidr") && to.name().equals("inet")) return false;
        return true;
    }
}
