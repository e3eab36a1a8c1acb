package dev.migrate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.migrate.core.Flavors;
import dev.migrate.flavor.Flavor;
import dev.migrate.schema.Schema;
import dev.migrate.support.CountingDatabase;
import dev.migrate.support.TestDatabase;

/**
 * The catalog queries one inspection sends, for the tests of each engine that prove their number
 * does not grow with the tables (README, "`migrate inspect`").
 */
final class CatalogQueries {
    private CatalogQueries() {
    }

    /** Inspects {@code db}, which holds {@code tables} tables, and returns what the inspection sent. */
    static List<String> ofInspection(TestDatabase db, InspectOptions options, int tables) {
        CountingDatabase session = new CountingDatabase(db.open());
        try {
            long start = System.nanoTime();
            Flavor flavor = Flavors.of(session);
            Schema schema = flavor.inspector(options).inspect(session).await().indefinitely().schema();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println(flavor.name() + " inspection of " + tables + " tables: " + session.sent().size() + " queries, " + ms + " ms");
            assertEquals(tables, schema.tables().size());
            return session.sent();
        } finally {
            session.close().await().indefinitely();
        }
    }
}
