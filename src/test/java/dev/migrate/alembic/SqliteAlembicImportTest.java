package dev.migrate.alembic;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class SqliteAlembicImportTest extends AlembicImportScenarios {
    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /**
     * Per table: columns with their type affinity (how SQLite stores them; the spelling differs,
     * NUMERIC(10, 2) and NUMERIC), not-null, default without outer brackets and primary key; then
     * the indexes and foreign keys.
     */
    @Override
    protected List<String> catalog(TestDatabase database) {
        List<String> out = new ArrayList<>();
        for (List<String> t : database.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
                + " ('alembic_version', 'migrate_history', 'sqlite_sequence') ORDER BY name")) {
            String table = t.get(0);
            out.add("table " + table);
            for (List<String> c : database.query("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + table + "')")) {
                String dflt = c.get(3) == null ? "" : c.get(3).replaceAll("^\\((.*)\\)$", "$1");
                out.add("  " + c.get(0) + " " + affinity(c.get(1)) + " " + c.get(2) + " " + dflt + " " + c.get(4));
            }
            out.addAll(database.query("SELECT 'index ' || name || ' ' || \"unique\" FROM pragma_index_list('" + table
                    + "') WHERE origin = 'c' ORDER BY name").stream().map(r -> "  " + r.get(0)).toList());
            out.addAll(database.query("SELECT 'fk ' || \"from\" || ' ' || \"table\" || '.' || \"to\" || ' ' || on_delete || ' '"
                    + " || on_update FROM pragma_foreign_key_list('" + table + "') ORDER BY 1").stream().map(r -> "  " + r.get(0)).toList());
            String sql = database.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'").get(0).get(0);
            out.addAll(checks(sql));
        }
        return out;
    }

    /** The CHECK constraints and deferrable clauses of a CREATE TABLE, spelled without the spacing that differs. */
    private static List<String> checks(String createTable) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(CONSTRAINT\\s+\"?(\\w+)\"?\\s+)?CHECK\\s*\\(").matcher(createTable);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            while (i < createTable.length() && depth > 0) {
                char c = createTable.charAt(i++);
                if (c == '(') depth++;
                if (c == ')') depth--;
            }
            out.add("  check " + m.group(2) + " " + createTable.substring(m.end(), i - 1).replaceAll("[\\s\"()]+", ""));
        }
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("(?i)DEFERRABLE\\s+INITIALLY\\s+(\\w+)").matcher(createTable);
        while (d.find()) out.add("  deferrable initially " + d.group(1).toLowerCase());
        out.sort(null);
        return out;
    }

    private static String affinity(String type) {
        String t = type.toUpperCase();
        if (t.contains("INT")) return "INTEGER";
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) return "TEXT";
        if (t.contains("BLOB") || t.isEmpty()) return "BLOB";
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) return "REAL";
        return "NUMERIC";
    }
}
