package dev.migrate.revision;

import java.time.ZonedDateTime;
import java.util.List;

import dev.migrate.MigrateException;

/**
 * Renders {@code file_template} with Python's {@code %(name)s} / {@code %(name).2d} syntax, as Alembic
 * users write it. Tokens: rev, slug, year, month, day, hour, minute, second, epoch; {@code %%} is a percent sign.
 */
final class FileNameTemplate {
    static final List<String> TOKENS = List.of("rev", "slug", "year", "month", "day", "hour", "minute", "second", "epoch");

    private FileNameTemplate() {
    }

    static String render(String template, String rev, String slug, ZonedDateTime time) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int close = template.indexOf(')', i);
            if (i + 1 >= template.length() || template.charAt(i + 1) != '(' || close < 0) throw bad(template, "a '%' must start %(name)s or be written %%");
            String name = template.substring(i + 2, close);
            int j = close + 1;
            int specStart = j;
            while (j < template.length() && "-0123456789.".indexOf(template.charAt(j)) >= 0) j++;
            if (j >= template.length() || (template.charAt(j) != 's' && template.charAt(j) != 'd')) {
                throw bad(template, "%(" + name + ") must be followed by s or d, as in %(" + name + ")s");
            }
            out.append(format(template, name, template.substring(specStart, j), template.charAt(j), rev, slug, time));
            i = j + 1;
        }
        return out.toString();
    }

    private static String format(String template, String name, String spec, char conversion,
                                 String rev, String slug, ZonedDateTime time) {
        String text;
        Long number = null;
        switch (name) {
            case "rev": text = rev; break;
            case "slug": text = slug; break;
            case "year": number = (long) time.getYear(); text = null; break;
            case "month": number = (long) time.getMonthValue(); text = null; break;
            case "day": number = (long) time.getDayOfMonth(); text = null; break;
            case "hour": number = (long) time.getHour(); text = null; break;
            case "minute": number = (long) time.getMinute(); text = null; break;
            case "second": number = (long) time.getSecond(); text = null; break;
            case "epoch": number = time.toEpochSecond(); text = null; break;
            default: throw bad(template, "unknown token %(" + name + ") (expected one of: " + String.join(", ", TOKENS) + ")");
        }
        if (conversion == 'd' && number == null) throw bad(template, "%(" + name + ") is text: write %(" + name + ")s");
        String value = number != null ? Long.toString(number) : text;
        if (conversion == 's' || spec.isEmpty()) return value;
        // .N and 0N pad a number with zeros to N digits, a bare N pads with spaces, as in Python
        int dot = spec.indexOf('.');
        int width;
        char pad;
        try {
            if (dot >= 0) {
                width = Integer.parseInt(spec.substring(dot + 1));
                pad = '0';
            } else {
                width = Integer.parseInt(spec.replace("-", ""));
                pad = spec.startsWith("0") ? '0' : ' ';
            }
        } catch (NumberFormatException e) {
            throw bad(template, "bad format '" + spec + "' for %(" + name + ")");
        }
        StringBuilder padded = new StringBuilder();
        for (int k = value.length(); k < width; k++) padded.append(pad);
        return padded.append(value).toString();
    }

    private static MigrateException bad(String template, String why) {
        return new MigrateException("file_template '" + template + "': " + why);
    }
}
