package dev.migrate.alembic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alembic.ini read with configparser's rules: {@code [section]}, {@code key = value} or
 * {@code key: value}, comments, indented continuation lines, and {@code %(name)s} interpolation
 * from the section, {@code [DEFAULT]} and {@code here} (the file's folder), with {@code %%} a percent sign.
 */
final class AlembicIni {
    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final String here;

    private AlembicIni(String here) {
        this.here = here;
    }

    static AlembicIni parse(String text, String here, String file) {
        AlembicIni ini = new AlembicIni(here);
        Map<String, String> section = null;
        String key = null;
        int n = 0;
        for (String raw : text.replace("\r\n", "\n").split("\n")) {
            n++;
            String line = raw.stripTrailing();
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
            if (Character.isWhitespace(line.charAt(0)) && key != null && section != null) {
                section.put(key, section.get(key) + "\n" + trimmed);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = ini.sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1).strip(), s -> new LinkedHashMap<>());
                key = null;
                continue;
            }
            int eq = indexOfSeparator(trimmed);
            if (eq < 0 || section == null) {
                throw new dev.migrate.MigrateException(file + ":" + n + ": not an ini line (expected [section] or key = value)");
            }
            key = trimmed.substring(0, eq).strip().toLowerCase();
            section.put(key, trimmed.substring(eq + 1).strip());
        }
        return ini;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    /** The interpolated value, or null when neither the section nor [DEFAULT] has it. */
    String get(String section, String key) {
        String raw = raw(section, key);
        return raw == null ? null : interpolate(section, raw, 0);
    }

    private String raw(String section, String key) {
        Map<String, String> s = sections.getOrDefault(section, Map.of());
        if (s.containsKey(key)) return s.get(key);
        return sections.getOrDefault("DEFAULT", Map.of()).get(key);
    }

    private String interpolate(String section, String value, int depth) {
        if (depth > 10) throw new dev.migrate.MigrateException("alembic.ini: interpolation nested too deeply in '" + value + "'");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%' && value.startsWith("%%", i)) {
                out.append('%');
                i += 2;
                continue;
            }
            Matcher m = REFERENCE.matcher(value).region(i, value.length());
            if (c == '%' && m.lookingAt()) {
                String name = m.group(1).toLowerCase();
                String replacement = name.equals("here") ? here : raw(section, name);
                if (replacement == null) {
                    throw new dev.migrate.MigrateException("alembic.ini: '%(" + name + ")s' names no setting in [" + section + "]");
                }
                out.append(name.equals("here") ? replacement : interpolate(section, replacement, depth + 1));
                i = m.end();
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
