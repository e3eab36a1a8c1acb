package dev.migrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.config.InvalidUrlException;

/** A URL's text goes to the flavor whose scheme it has; one no flavor reads lists every accepted form. */
class FlavorsTest {
    private static final Path WORK = Path.of("/srv/app");
    private static final Map<String, String> NO_ENV = Map.of();

    private static InvalidUrlException invalid(String url) {
        return assertThrows(InvalidUrlException.class, () -> Flavors.parse(url, NO_ENV, WORK), url);
    }

    @Test
    void eachUrlGoesToItsFlavor() {
        assertEquals("postgresql", Flavors.parse("  postgresql+asyncpg://app@db/shop ", NO_ENV, WORK).dialect());
        assertEquals("postgresql", Flavors.parse("JDBC:POSTGRESQL://db/shop", NO_ENV, WORK).dialect());
        assertEquals("sqlite", Flavors.parse("sqlite:///app.db", NO_ENV, WORK).dialect());
        assertEquals("sqlite", Flavors.parse("jdbc:sqlite:app.db", NO_ENV, WORK).dialect());
        assertEquals("sqlite", Flavors.of(Flavors.parse("sqlite://", NO_ENV, WORK)).name());
    }

    /** The message is the one the README and scripts know: every form, in this order. */
    @Test
    void theAcceptedFormsAreListedAsEver() {
        String forms = "accepted forms: postgresql://user:password@host:port/database, postgres://..., "
                + "postgresql+asyncpg://... (any +driver), jdbc:postgresql://..., "
                + "sqlite:///relative.db, sqlite:////absolute.db, sqlite:///:memory:";
        assertEquals("unsupported database URL 'mysql://app:***@db/shop'; " + forms, invalid("mysql://app:pw@db/shop").getMessage());
        assertEquals("the database URL is empty; " + forms, invalid(" ").getMessage());
        assertEquals("the database URL is empty; " + forms, invalid(null).getMessage());
    }

    @Test
    void badSchemeListsAcceptedForms() {
        InvalidUrlException e = invalid("mysql://app@db/shop");
        assertTrue(e.getMessage().contains("postgresql://"), e.getMessage());
        assertTrue(e.getMessage().contains("sqlite:///"), e.getMessage());
        assertTrue(invalid("").getMessage().contains("empty"));
        invalid("postgresql:/db/shop");
    }

    @Test
    void malformedUrlErrorsNeverShowThePassword() {
        String[] malformed = {
            "postgresql://app:Sup3rS3cret@db:notaport/shop",
            "postgresql://app:Sup3rS3cret@db/shop?bogus=1",
            "postgresql://app:Sup3rS3cret@[::1/shop",
            "postgresql://app:Sup3rS3cret@db/shop?sslmode=nope",
            "postgresql://app:Sup3rS3cret@a,b/shop",
            "postgresql://app:Sup3rS3cret%zz@db/shop",
            "postgresql://app:Sup3rS3cret",
            "postgresql://app:Sup3rS3cret/shop",
            "postgresql://app:Sup3r?S3cret@db/shop?bogus=1",
            "postgresql://app:Sup3rS3cret?@db/shop?sslmode",
            "jdbc:postgresql://db/shop?password=Sup3rS3cret&bogus=1",
            "mysql://app:Sup3rS3cret@db/shop",
            "sqlite://app:Sup3rS3cret@db/shop",
        };
        for (String url : malformed) {
            InvalidUrlException e = invalid(url);
            assertFalse(e.getMessage().contains("Sup3rS3cret"), url + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("S3cret"), url + " -> " + e.getMessage());
        }
    }
}
