package dev.migrate.engine.plan;

import java.util.List;

import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.Statement;

/**
 * Which statements must run alone in autocommit on the server at hand. Most are known from their
 * text alone ({@link Statement#runsAlone()}); {@code ALTER TYPE ... ADD VALUE} depends on the
 * version: PostgreSQL refuses it inside a transaction block before 12.
 */
public final class Autocommit {
    /** The first PostgreSQL major version that runs {@code ALTER TYPE ... ADD VALUE} inside a transaction block. */
    static final int ADD_VALUE_IN_TRANSACTION_SINCE = 12;

    private Autocommit() {
    }

    /**
     * Whether {@code statement} must run alone on a {@code dialect} server of {@code majorVersion}
     * (0 when unknown, taken as a current server).
     */
    public static boolean required(Statement statement, String dialect, int majorVersion) {
        if (statement.runsAlone()) return true;
        return "postgresql".equals(dialect) && majorVersion > 0 && majorVersion < ADD_VALUE_IN_TRANSACTION_SINCE
                && addsEnumValue(statement.sql());
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
