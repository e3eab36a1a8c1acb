package dev.migrate.revision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.graph.Revision;
import dev.migrate.sql.DialectNames;
import dev.migrate.sql.SqlSplitter;

/**
 * Reads a SQL revision: {@code -- key: value} header lines at the top, then
 * {@code -- migrate:upgrade [dialect]} and {@code -- migrate:downgrade [dialect]} sections.
 * Header values are plain text; the list fields take {@code null}, {@code a} or {@code [a, b]}.
 * A lower-case {@code -- word:} line in the header that is no known field is an error, because a
 * misspelt {@code down_revison} silently ignored would detach the revision from the graph.
 */
final class SqlRevisionReader {
    static final List<String> FIELDS = List.of("revision", "down_revision", "branch_labels", "depends_on",
            "message", "create_date", "transactional");
    private static final String MARKER = "migrate:";

    private final Path file;
    private final String origin;
    private final String text;
    private final Map<String, String> header = new HashMap<>();
    private final Map<String, Integer> headerLines = new HashMap<>();
    private final List<SqlBody.Section> sections = new ArrayList<>();

    private SqlRevisionReader(Path file, String text) {
        this.file = file;
        this.origin = file.toString();
        this.text = text;
    }

    static RevisionScript read(Path file, String text, String checksum, Map<String, String> values) {
        SqlRevisionReader r = new SqlRevisionReader(file, text);
        r.parse();
        return r.build(checksum, values);
    }

    /**
     * The splitter finds the section markers, so that a marker-like line inside a {@code $$} body,
     * a quote or a block comment stays part of its statement; header lines are the comments
     * before the first marker.
     */
    private void parse() {
        List<SqlSplitter.Section> parts = SqlSplitter.sections(text, origin, MARKER);
        SqlSplitter.Section preamble = parts.get(0);
        if (!preamble.statements().isEmpty()) {
            throw new InvalidRevisionFileException(origin, preamble.statements().get(0).line(),
                    "statement outside any section: put it under '-- migrate:upgrade' or '-- migrate:downgrade'");
        }
        int headerEnd = parts.size() > 1 ? parts.get(1).line() : Integer.MAX_VALUE;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            if (++lineNo >= headerEnd) break;
            String stripped = line.strip();
            if (stripped.startsWith("--")) headerLine(stripped, lineNo);
        }
        for (SqlSplitter.Section part : parts.subList(1, parts.size())) {
            List<String> words = words(part.marker());
            boolean upgrade = direction(words.isEmpty() ? "" : words.get(0), part.line());
            String dialect = words.size() > 1 ? dialect(words.get(1), part.line()) : null;
            if (words.size() > 2) {
                throw new InvalidRevisionFileException(origin, part.line(),
                        "a section marker takes at most a dialect: '-- migrate:upgrade postgresql'");
            }
            sections.add(new SqlBody.Section(upgrade, dialect, part.line(), part.statements()));
        }
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>(3);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            int from = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
            if (i > from) out.add(s.substring(from, i));
        }
        return out;
    }

    private boolean direction(String word, int lineNo) {
        if (word.equals("upgrade")) return true;
        if (word.equals("downgrade")) return false;
        throw new InvalidRevisionFileException(origin, lineNo,
                "unknown section '-- migrate:" + word + "' (expected migrate:upgrade or migrate:downgrade)");
    }

    private String dialect(String word, int lineNo) {
        String name = DialectNames.canonical(word);
        if (name == null) {
            throw new InvalidRevisionFileException(origin, lineNo,
                    "unknown dialect '" + word + "' (expected one of: " + String.join(", ", DialectNames.ALL) + ")");
        }
        return name;
    }

    private void headerLine(String line, int lineNo) {
        String rest = line.substring(2).strip();
        int colon = rest.indexOf(':');
        if (colon <= 0) return;
        String key = rest.substring(0, colon);
        if (!isFieldName(key)) return;
        if (!FIELDS.contains(key)) {
            throw new InvalidRevisionFileException(origin, lineNo, "unknown header field '" + key
                    + "' (expected one of: " + String.join(", ", FIELDS) + ")");
        }
        if (header.containsKey(key)) {
            throw new InvalidRevisionFileException(origin, lineNo, "duplicate header field '" + key + "'");
        }
        header.put(key, rest.substring(colon + 1).strip());
        headerLines.put(key, lineNo);
    }

    private static boolean isFieldName(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
        }
        return true;
    }

    private RevisionScript build(String checksum, Map<String, String> values) {
        String id = header.get("revision");
        if (id == null) {
            throw new InvalidRevisionFileException(origin, 0,
                    "no '-- revision: ID' header line: every revision file needs its id");
        }
        id = unquote(id);
        if (!RevisionIds.isValid(id)) throw new InvalidRevisionFileException(origin, headerLines.get("revision"), RevisionIds.problem(id));
        List<String> down = list("down_revision");
        for (String d : down) {
            if (!RevisionIds.isValid(d)) {
                throw new InvalidRevisionFileException(origin, headerLines.get("down_revision"), "down_revision: " + RevisionIds.problem(d));
            }
        }
        if (sections.stream().noneMatch(SqlBody.Section::upgrade)) {
            int line = sections.isEmpty() ? 1 : sections.get(0).line();
            throw new InvalidRevisionFileException(origin, line,
                    "no '-- migrate:upgrade' section: every revision needs one, even an empty one");
        }
        Revision revision = new Revision(id, down, list("branch_labels"), list("depends_on"), origin);
        SqlBody body = new SqlBody(origin, sections, values);
        return new RevisionScript(revision, header.getOrDefault("message", ""), header.get("create_date"), file,
                Format.SQL, transactional(), checksum, () -> body);
    }

    private boolean transactional() {
        String value = header.get("transactional");
        if (value == null) return true;
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default:
                throw new InvalidRevisionFileException(origin, headerLines.get("transactional"),
                        "transactional: expected true or false, found '" + value + "'");
        }
    }

    /** {@code null}, {@code ~}, empty, {@code []} -> none; {@code a}, {@code a, b}, {@code [a, b]} -> the items. */
    private List<String> list(String key) {
        String value = header.get(key);
        if (value == null) return List.of();
        if (value.startsWith("[")) {
            if (!value.endsWith("]")) {
                throw new InvalidRevisionFileException(origin, headerLines.get(key), key + ": missing ']' in '" + value + "'");
            }
            value = value.substring(1, value.length() - 1).strip();
        }
        if (value.isEmpty() || value.equals("null") || value.equals("~") || value.equals("None")) return List.of();
        List<String> out = new ArrayList<>();
        for (String item : value.split(",")) {
            String v = unquote(item.strip());
            if (v.isEmpty()) throw new InvalidRevisionFileException(origin, headerLines.get(key), key + ": empty item in '" + header.get(key) + "'");
            out.add(v);
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
