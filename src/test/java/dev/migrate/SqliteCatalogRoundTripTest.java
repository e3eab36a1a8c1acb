package dev.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.support.CliTest;
import dev.migrate.support.SqliteTestDatabase;
import dev.migrate.support.TestDatabase;

@CliTest
class SqliteCatalogRoundTripTest extends CatalogRoundTripScenarios {
    private static final String OWN = "('alembic_version', 'migrate_history', 'sqlite_sequence')";

    @Override
    protected TestDatabase newDatabase() {
        return new SqliteTestDatabase();
    }

    /** sqlite_master and, per table, PRAGMA table_xinfo, foreign_key_list, index_list and index_xinfo. */
    @Override
    protected Map<String, List<List<String>>> catalog() {
        Map<String, List<List<String>>> out = new TreeMap<>();
        out.put("sqlite_master", db.query("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name NOT IN " + OWN
                + " ORDER BY type, name"));
        for (List<String> table : db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN " + OWN)) {
            String t = "\"" + table.get(0) + "\"";
            out.put("table_xinfo " + t, db.query("PRAGMA table_xinfo(" + t + ")"));
            out.put("foreign_key_list " + t, db.query("PRAGMA foreign_key_list(" + t + ")"));
            List<List<String>> indexes = new ArrayList<>();
            for (List<String> index : db.query("PRAGMA index_list(" + t + ")")) {
                indexes.add(index.subList(1, index.size()));
                out.put("index_xinfo " + index.get(1), db.query("PRAGMA index_xinfo(\"" + index.get(1) + "\")"));
            }
            indexes.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            out.put("index_list " + t, indexes);
        }
        return out;
    }
}
