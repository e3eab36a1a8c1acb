package dev.migrate.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a statement takes locks on, as far as its text tells: the table an {@code ALTER
 * TABLE}, {@code DROP TABLE}, {@code LOCK} or {@code TRUNCATE} names, the one an index or trigger
 * is built {@code ON}, the one a foreign key {@code REFERENCES} (it locks both), and those a data
 * statement reads or writes. Names are kept as written ({@code app."Orders"}), which is what the
 * dialect's lock holders query resolves the way the statement did (PostgreSQL's {@code to_regclass}).
 * A word that is no table ({@code ON DELETE}) costs nothing: it resolves to no relation.
 */
final class LockedTables {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?"
            + "|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?|LOCK(?:\\s+TABLE)?(?:\\s+ONLY)?|TRUNCATE(?:\\s+TABLE)?(?:\\s+ONLY)?"
            + "|ON(?:\\s+ONLY)?|REFERENCES|INTO|UPDATE|FROM|JOIN)\\s+(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)");
    private static final Set<String> NOT_TABLES = Set.of("only", "table", "if", "delete", "update", "conflict", "commit");

    private LockedTables() {
    }

    /** The table names in {@code sql}, in order of appearance, each once. */
    static List<String> of(String sql) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = TABLE.matcher(withoutComments(sql));
        while (m.find()) {
            String name = m.group(1).replaceAll("\\s+", "");
            if (!NOT_TABLES.contains(name.toLowerCase())) out.add(name);
        }
        return new ArrayList<>(out);
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }
}
