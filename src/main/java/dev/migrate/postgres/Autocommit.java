package dev.migrate.postgres;

import java.util.List;

import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;

/**
 * The statement PostgreSQL refuses inside a transaction block depending on the server's version,
 * not on its text alone ({@link Statement#runsAlone()} knows those): {@code ALTER TYPE ... ADD VALUE}
 * before 12.
 */
final class Autocommit {
    /** The first PostgreSQL major version that runs {@code ALTER TYPE ... ADD VALUE} inside a transaction block. */
    static final int ADD_VALUE_IN_TRANSACTION_SINCE = 12;

    private Autocommit() {
    }

    /** Whether {@code statement} must run alone on a server of {@code majorVersion} (0 when unknown, taken as a current one). */
    static boolean required(Statement statement, int majorVersion) {
        return majorVersion > 0 && majorVersion < ADD_VALUE_IN_TRANSACTION_SINCE && addsEnumValue(statement.sql());
    }

    /** {@code ALTER TYPE name ADD VALUE ...}, written by add_enum_value or by hand. */
    static boolean addsEnumValue(String sql) {
        List<String> words = SqlSplitter.leadingWords(sql);
        if (words.size() < 4 || !words.get(0).equals("ALTER") || !words.get(1).equals("TYPE")) return false;
        for (int i = 2; i + 1 < words.size(); i++) {
            if (words.get(i).equals("ADD") && words.get(i + 1).equals("VALUE")) return true;
        }
        return false;
    }
}
