package dev.migrate.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers the file and line it came from, so that every error about a
 * revision, a configuration or a schema file can point at the line the user has to fix.
 * Scalars keep their text; {@link #isNull()} is true for {@code null}, {@code ~} and empty values.
 */
public final class Node {
    public enum Kind { MAP, LIST, SCALAR }

    private final Kind kind;
    private final String origin;
    private final int line;
    private final String text;
    private final boolean nullValue;
    private final boolean quoted;
    private final Map<String, Node> entries;
    private final List<Node> items;

    private Node(Kind kind, String origin, int line, String text, boolean nullValue, boolean quoted,
                 Map<String, Node> entries, List<Node> items) {
        this.kind = kind;
        this.origin = origin;
        this.line = line;
        this.text = text;
        this.nullValue = nullValue;
        this.quoted = quoted;
        this.entries = entries;
        this.items = items;
    }

    static Node scalar(String origin, int line, String text, boolean nullValue, boolean quoted) {
        return new Node(Kind.SCALAR, origin, line, text, nullValue, quoted, Map.of(), List.of());
    }

    static Node map(String origin, int line, LinkedHashMap<String, Node> entries) {
        return new Node(Kind.MAP, origin, line, null, false, false, Collections.unmodifiableMap(entries), List.of());
    }

    static Node list(String origin, int line, ArrayList<Node> items) {
        return new Node(Kind.LIST, origin, line, null, false, false, Map.of(), Collections.unmodifiableList(items));
    }

    /** An absent value at a known place: lets callers ask {@code get("x").isNull()} without null checks. */
    public static Node missing(String origin, int line) {
        return scalar(origin, line, null, true, false);
    }

    public Kind kind() { return kind; }
    public String origin() { return origin; }
    public int line() { return line; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }
    public boolean isNull() { return kind == Kind.SCALAR && nullValue; }
    /** True when the scalar was written in quotes: {@code "null"} is a string, {@code null} is not. */
    public boolean isQuoted() { return quoted; }

    /** Entries of a map, in file order. */
    public Map<String, Node> entries() {
        if (!isMap()) throw error("expected a mapping, found " + describe());
        return entries;
    }

    /** Items of a list. */
    public List<Node> items() {
        if (!isList()) throw error("expected a list, found " + describe());
        return items;
    }

    /** The value under {@code key} of a map, or a {@link #missing} node at this node's line. */
    public Node get(String key) {
        Node n = entries().get(key);
        return n != null ? n : missing(origin, line);
    }

    public boolean has(String key) {
        return isMap() && entries.containsKey(key);
    }

    /** Text of a scalar; null for a null scalar. */
    public String text() {
        if (!isScalar()) throw error("expected a single value, found " + describe());
        return text;
    }

    /** Text of a scalar that must be present. */
    public String requireText(String what) {
        if (isNull()) throw error(what + " is required");
        return text();
    }

    public boolean asBoolean(boolean dflt) {
        if (isNull()) return dflt;
        String t = text().toLowerCase();
        switch (t) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw error("expected true or false, found '" + text + "'");
        }
    }

    public int asInt(int dflt) {
        if (isNull()) return dflt;
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + text + "'");
        }
    }

    /** A null, a single string or a list of strings, as a list: the shape of down_revision and friends. */
    public List<String> asStringList() {
        if (isNull()) return List.of();
        if (isScalar()) return List.of(text);
        List<String> out = new ArrayList<>();
        for (Node item : items()) out.add(item.requireText("list item"));
        return out;
    }

    /** Fails when the map holds a key outside {@code allowed}: a misspelt field must not be ignored. */
    public void checkKeys(String what, java.util.Collection<String> allowed) {
        for (Map.Entry<String, Node> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown field '" + e.getKey() + "' in " + what
                        + " (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    public SourceException error(String message) {
        return new SourceException(origin, line, message);
    }

    private String describe() {
        switch (kind) {
            case MAP: return "a mapping";
            case LIST: return "a list";
            default: return isNull() ? "nothing" : "'" + text + "'";
        }
    }
}
