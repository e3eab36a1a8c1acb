package dev.migrate.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.MigrateException;
import dev.migrate.sql.Catalog;
import io.smallrye.mutiny.Uni;

/**
 * The {@link Catalog} a computed SQLite statement reads when {@code --sql} writes it: the schema
 * model instead of a database. It answers exactly what the table rebuilds ask: the rows of
 * {@code sqlite_master}, {@code PRAGMA foreign_keys} (off: the script switches them off before the
 * revision's transaction, as the online run does), and the checks of the rows, which only a
 * database holding data can make: {@code PRAGMA foreign_key_check} finds nothing here and is
 * written into the script, where the shell running it prints what it finds; the enum's count of
 * rows holding a removed value finds none.
 */
final class ModelCatalog implements Catalog {
    private static final String MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid";

    private final SqliteSchemaModel model;
    private final List<String> checks = new ArrayList<>();

    ModelCatalog(SqliteSchemaModel model) {
        this.model = model;
    }

    /** The row checks asked so far, to write into the script in place of their answer. */
    List<String> checks() {
        return checks;
    }

    @Override
    public Uni<List<List<String>>> query(String sql) {
        return Uni.createFrom().item(() -> answer(sql));
    }

    private List<List<String>> answer(String sql) {
        String q = sql.strip();
        String upper = q.toUpperCase(Locale.ROOT);
        if (q.equals(MASTER)) return model.masterRows();
        if (upper.equals("PRAGMA FOREIGN_KEYS")) return List.of(List.of("0"));
        if (upper.matches("PRAGMA (\"[^\"]*\"\\.)?FOREIGN_KEY_CHECK")) {
            checks.add(q);
            return List.of();
        }
        if (upper.startsWith("SELECT COUNT(*), GROUP_CONCAT(DISTINCT ")) {
            List<String> none = new ArrayList<>();
            none.add("0");
            none.add(null);
            return List.of(none);
        }
        if (upper.endsWith(".SQLITE_MASTER ORDER BY ROWID")) {
            throw new MigrateException("a table rebuild in an attached database cannot be written without a database:"
                    + " the offline schema model holds the main database only; run it online (without --sql)");
        }
        throw new MigrateException("the offline schema model cannot answer " + SqliteSchemaModel.abbreviate(sql)
                + "; run it online (without --sql)");
    }
}
