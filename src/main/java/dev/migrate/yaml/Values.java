package dev.migrate.yaml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns YAML values into the plain Java values dialects render as literals: null, Boolean,
 * Long, BigDecimal, String, List and Map. Only unquoted scalars become numbers or booleans, so
 * {@code '42'} stays the string a user quoted it to be; dates stay strings, which every database
 * casts from their ISO text.
 */
public final class Values {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");

    private Values() {
    }

    public static Object of(Node node) {
        if (node.isNull()) return null;
        if (node.isList()) {
            List<Object> out = new ArrayList<>();
            for (Node item : node.items()) out.add(of(item));
            return out;
        }
        if (node.isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.entries().entrySet()) out.put(e.getKey(), of(e.getValue()));
            return out;
        }
        String text = node.text();
        if (node.isQuoted()) return text;
        if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException tooLong) {
                return new BigDecimal(text);
            }
        }
        if (DECIMAL.matcher(text).matches()) return new BigDecimal(text);
        return text;
    }
}
