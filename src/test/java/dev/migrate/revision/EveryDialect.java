package dev.migrate.revision;

import dev.migrate.core.Flavors;
import dev.migrate.flavor.Flavor;

/** What the fuzz tests ask of a revision that reads: its statements both ways on every dialect, as running and {@code show} do. */
final class EveryDialect {
    private EveryDialect() {
    }

    static void render(RevisionScript script) {
        for (Flavor flavor : Flavors.all()) {
            script.upgrade(flavor.dialect());
            script.downgrade(flavor.dialect());
        }
    }
}
