package dev.migrate.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

/**
 * The project's {@code lint:} section of {@code migrate.yaml}: {@code ignore: [rule, ...]} turns
 * rules off, {@code levels: {rule: warning}} changes how much one matters. Read by lint alone, so
 * that the settings every other command uses stay as they are.
 */
public record LintSettings(Set<Rule> ignored, Map<Rule, Level> levels) {
    public static final LintSettings DEFAULTS = new LintSettings(Set.of(), Map.of());
    /** The setting's name in {@code migrate.yaml}. */
    public static final String SETTING = "lint";

    public LintSettings {
        ignored = ignored.isEmpty() ? Set.of() : Set.copyOf(ignored);
        levels = Map.copyOf(levels);
    }

    /** The {@code lint} section of {@code configFile}; the defaults when there is no file or no section. */
    public static LintSettings read(Path configFile) {
        if (configFile == null || !Files.isRegularFile(configFile)) return DEFAULTS;
        String text;
        try {
            text = Files.readString(configFile);
        } catch (IOException e) {
            throw new MigrateException(configFile + ": cannot read: " + e.getMessage(), e);
        }
        Node root = YamlReader.read(text.startsWith("\uFEFF") ? text.substring(1) : text, configFile.toString());
        return root.isMap() ? of(root.get(SETTING), configFile.toString()) : DEFAULTS;
    }

    /** The settings written at {@code node} (null or missing: the defaults). */
    public static LintSettings of(Node node, String origin) {
        if (node.isNull()) return DEFAULTS;
        if (!node.isMap()) throw node.error("lint takes a mapping: {ignore: [rule, ...], levels: {rule: warning}}");
        node.checkKeys("lint", List.of("ignore", "levels"));
        Set<Rule> ignored = EnumSet.noneOf(Rule.class);
        Node ignore = node.get("ignore");
        for (String id : ignore.asStringList()) ignored.add(Suppression.rule(id, origin, ignore.line()));
        Map<Rule, Level> levels = new EnumMap<>(Rule.class);
        Node levelsNode = node.get("levels");
        if (!levelsNode.isNull()) {
            if (!levelsNode.isMap()) throw levelsNode.error("lint.levels takes a mapping of rule to error or warning");
            for (Map.Entry<String, Node> e : levelsNode.entries().entrySet()) {
                Rule rule = Suppression.rule(e.getKey(), origin, e.getValue().line());
                String level = e.getValue().requireText("lint.levels." + e.getKey());
                switch (level) {
                    case "error": levels.put(rule, Level.ERROR); break;
                    case "warning": levels.put(rule, Level.WARNING); break;
                    default: throw e.getValue().error("lint.levels." + e.getKey() + ": '" + level
                            + "' is no level (expected error or warning)");
                }
            }
        }
        return new LintSettings(ignored, levels);
    }

    Level levelOf(Rule rule) {
        return levels.getOrDefault(rule, rule.level());
    }
}
