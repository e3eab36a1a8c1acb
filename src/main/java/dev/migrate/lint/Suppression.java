package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.yaml.Node;

/**
 * Rules one operation or statement may break, with why: {@code lint: {ignore: [rule], reason: why}}
 * on a YAML operation, {@code -- lint:ignore rule[,rule] why} on the line before a SQL statement.
 * A reason is required, so that whoever reads the revision later knows it was deliberate.
 */
public record Suppression(Set<Rule> rules, String reason) {
    /** The comment prefix in SQL revisions. */
    public static final String SQL_PREFIX = "lint:ignore";

    public Suppression {
        rules = Set.copyOf(rules);
    }

    /** The {@code lint} field of a YAML operation; the operation parser has already checked its shape. */
    static Suppression ofYaml(Node lint, String origin) {
        List<Rule> rules = new ArrayList<>();
        for (String id : lint.get("ignore").asStringList()) rules.add(rule(id, origin, lint.line()));
        return new Suppression(Set.copyOf(rules), lint.get("reason").text().strip());
    }

    /**
     * A SQL comment's text after {@code --}, or null when it is no lint comment. {@code
     * lint:ignore a,b why} ignores rules a and b.
     */
    static Suppression ofSqlComment(String comment, String origin, int line) {
        String text = comment.strip();
        if (!text.startsWith(SQL_PREFIX)) return null;
        String rest = text.substring(SQL_PREFIX.length()).strip();
        int space = rest.indexOf(' ');
        String ids = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space + 1).strip();
        if (ids.isEmpty()) throw new MigrateException(origin + ":" + line + ": -- lint:ignore needs the rules to let pass");
        if (reason.isEmpty()) {
            throw new MigrateException(origin + ":" + line + ": -- lint:ignore " + ids
                    + " needs a reason after the rules: why they may be ignored");
        }
        List<Rule> rules = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) rules.add(rule(id.strip(), origin, line));
        }
        return new Suppression(Set.copyOf(rules), reason);
    }

    /** The rule named {@code id}; an unknown name fails with where it was written, as a misspelt one would silently ignore nothing. */
    static Rule rule(String id, String origin, int line) {
        Rule r = Rule.byId(id);
        if (r == null) {
            throw new MigrateException(origin + ":" + line + ": unknown lint rule '" + id + "' (rules: "
                    + String.join(", ", Rule.ids()) + ")");
        }
        return r;
    }

    boolean covers(Rule rule) {
        return rules.contains(rule);
    }
}
