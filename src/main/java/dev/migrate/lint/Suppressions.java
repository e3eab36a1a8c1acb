package dev.migrate.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.sql.Statement;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

/**
 * Finds the suppressions written in a revision file, by the line of the operation or statement
 * they belong to. The revision readers leave them out of the operations (they change nothing the
 * revision does), so lint reads them from the file itself.
 */
final class Suppressions {
    private Suppressions() {
    }

    /** By operation line: the {@code lint:} field of each upgrade operation. */
    static Map<Integer, Suppression> ofYaml(String text, String origin) {
        Map<Integer, Suppression> out = new HashMap<>();
        Node root = YamlReader.read(text, origin);
        if (!root.isMap()) return out;
        Node upgrade = root.get("upgrade");
        if (!upgrade.isList()) return out;
        for (Node item : upgrade.items()) {
            if (!item.isMap() || item.entries().size() != 1) continue;
            Node body = item.entries().values().iterator().next();
            if (body.isMap() && body.has("lint")) out.put(item.line(), Suppression.ofYaml(body.get("lint"), origin));
        }
        return out;
    }

    /**
     * By statement line: a {@code -- lint:ignore} comment belongs to the first statement that
     * starts after it.
     */
    static Map<Integer, Suppression> ofSql(String text, String origin, List<Statement> statements) {
        TreeMap<Integer, Suppression> comments = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!stripped.startsWith("--")) continue;
            Suppression s = Suppression.ofSqlComment(stripped.substring(2), origin, i + 1);
            if (s != null) comments.put(i + 1, s);
        }
        Map<Integer, Suppression> out = new HashMap<>();
        if (comments.isEmpty()) return out;
        List<Integer> starts = new ArrayList<>();
        for (Statement st : statements) starts.add(st.line());
        starts.sort(null);
        int previous = 0;
        for (int start : starts) {
            Map<Integer, Suppression> before = comments.subMap(previous, false, start, true);
            if (!before.isEmpty()) out.put(start, merged(before.values()));
            previous = start;
        }
        return out;
    }

    private static Suppression merged(Iterable<Suppression> all) {
        java.util.Set<Rule> rules = java.util.EnumSet.noneOf(Rule.class);
        List<String> reasons = new ArrayList<>();
        for (Suppression s : all) {
            rules.addAll(s.rules());
            reasons.add(s.reason());
        }
        return new Suppression(rules, String.join("; ", reasons));
    }
}
