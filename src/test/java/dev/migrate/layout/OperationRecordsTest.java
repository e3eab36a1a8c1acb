package dev.migrate.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code ops/} holds the operations as data (records, their inverses, small value types) and
 * nothing that reads or writes them: it imports from the Java library only, so no YAML node, no
 * revision file, no dialect, no other library. Reading operations from YAML is {@code revision/parse/}; writing
 * them as YAML is {@code revision/OperationYaml}.
 */
class OperationRecordsTest {
    private static final String OPS = "dev.migrate.ops";

    @Test
    void opsImportsTheJavaLibraryOnly() {
        List<MainSources.Source> ops = MainSources.read().files().stream().filter(s -> s.pkg().equals(OPS)).toList();
        assertFalse(ops.isEmpty(), "no sources found in " + OPS);
        List<String> found = new ArrayList<>();
        for (MainSources.Source s : ops) {
            for (String p : s.importedPackages()) if (!p.startsWith("java.")) found.add(s.path() + " imports " + p);
        }
        assertEquals(List.of(), found, "ops/ holds operation records only: what parses or renders them lives elsewhere");
    }

    @Test
    void nothingBelowOps() {
        List<String> sub = MainSources.read().files().stream().map(MainSources.Source::pkg)
                .filter(p -> p.startsWith(OPS + ".")).distinct().toList();
        assertEquals(List.of(), sub, "ops/ has no subpackages: a parser there would escape the rule above");
    }
}
