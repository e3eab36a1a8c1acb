package dev.migrate.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.sql.Statement;
import io.smallrye.mutiny.Uni;

/**
 * Runs rendered statements on a test database the way the runner does for one revision: the
 * outer phases around a transaction, computed statements written from the database just before
 * their turn. For dialect tests that run operations without revision files.
 */
public final class StatementRunner {
    private StatementRunner() {
    }

    public static void run(TestDatabase db, List<Statement> statements) {
        Set<String> before = new LinkedHashSet<>();
        Set<String> after = new LinkedHashSet<>();
        List<Statement> body = new ArrayList<>();
        List<Statement> end = new ArrayList<>();
        Set<String> endSql = new LinkedHashSet<>();
        for (Statement st : statements) {
            switch (st.phase()) {
                case BEFORE_TRANSACTION -> before.add(st.sql());
                case AFTER_TRANSACTION -> after.add(st.sql());
                case END_OF_TRANSACTION -> {
                    if (endSql.add(st.sql())) end.add(st);
                }
                default -> body.add(st);
            }
        }
        body.addAll(end);
        before.forEach(db::execute);
        db.execute("BEGIN");
        try {
            for (Statement st : body) {
                if (st.isComputed()) {
                    for (String sql : st.computed().sql(q -> Uni.createFrom().item(db.query(q))).await().indefinitely()) {
                        db.execute(sql);
                    }
                } else {
                    db.execute(st.sql());
                }
            }
            db.execute("COMMIT");
        } catch (RuntimeException e) {
            db.execute("ROLLBACK");
            throw e;
        } finally {
            after.forEach(db::execute);
        }
    }
}
