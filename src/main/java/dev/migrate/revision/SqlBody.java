package dev.migrate.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.dialect.Dialect;
import dev.migrate.sql.Statement;

/**
 * The body of a SQL revision: its {@code -- migrate:upgrade} and {@code -- migrate:downgrade}
 * sections in file order, each for every dialect or restricted to one. {@code ${x.key}} in a
 * statement is replaced by the {@code -x} value when the statements are asked for, so that
 * listing revisions never needs the values.
 */
public final class SqlBody implements Body {
    /**
     * One section of the file.
     *
     * @param upgrade    true for {@code migrate:upgrade}, false for {@code migrate:downgrade}
     * @param dialect    the dialect it is restricted to, or null for all
     * @param line       the line of the section marker
     * @param statements its statements
     */
    public record Section(boolean upgrade, String dialect, int line, List<Statement> statements) {
        public Section {
            statements = List.copyOf(statements);
        }
    }

    private final String origin;
    private final List<Section> sections;
    private final Map<String, String> values;

    public SqlBody(String origin, List<Section> sections, Map<String, String> values) {
        this.origin = origin;
        this.sections = List.copyOf(sections);
        this.values = Map.copyOf(values);
    }

    public List<Section> sections() {
        return sections;
    }

    @Override
    public List<Statement> upgrade(Dialect dialect) {
        return upgrade(dialect.name());
    }

    @Override
    public List<Statement> downgrade(Dialect dialect) {
        return downgrade(dialect.name());
    }

    /** The upgrade statements for the dialect named {@code dialect} ({@code postgresql}, {@code sqlite}). */
    public List<Statement> upgrade(String dialect) {
        return statements(true, dialect);
    }

    /** The downgrade statements for the dialect named {@code dialect}; empty when the file has none. */
    public List<Statement> downgrade(String dialect) {
        return statements(false, dialect);
    }

    private List<Statement> statements(boolean upgrade, String dialect) {
        List<Statement> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.upgrade() != upgrade || (s.dialect() != null && !s.dialect().equals(dialect))) continue;
            for (Statement st : s.statements()) out.add(withValues(st));
        }
        return out;
    }

    private Statement withValues(Statement st) {
        if (!st.sql().contains("${x.")) return st;
        String sql = Placeholders.expand(st.sql(), name -> {
            if (!name.startsWith("x.")) return null;
            String key = name.substring(2);
            String value = values.get(key);
            if (value == null) throw new UndefinedValueException(origin, st.line(), key);
            return value;
        });
        return new Statement(sql, st.line(), st.runsAlone(), st.sql());
    }
}
