package dev.migrate.support;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.migrate.MigrateException;

/**
 * Generated and mutated input for the parsers, from fixed seeds so a failure repeats. The
 * property every parser must keep: it accepts the input, or refuses it with one of the project's
 * own errors ({@link MigrateException}) carrying a message; never another exception, never a
 * stack overflow, never a hang.
 */
public final class Fuzz {
    /** The whole run of one fuzz test may take this long; a parser that loops forever fails it. */
    private static final Duration BUDGET = Duration.ofSeconds(90);

    private Fuzz() {
    }

    /**
     * Feeds {@code fixedCases} inputs made by {@code generate} (from a generator seeded with {@code fixedSeed})
     * to {@code parse}; fails naming the case, the seed and the input when the property breaks.
     */
    public static void check(long fixedSeed, int fixedCases, Function<Random, String> generate, Consumer<String> parse) {
        // -Dfuzz.seed=N -Dfuzz.cases=M explore beyond the fixed run (the budget still applies).
        long seed = Long.getLong("fuzz.seed", fixedSeed);
        int cases = Integer.getInteger("fuzz.cases", fixedCases);
        assertTimeoutPreemptively(BUDGET, () -> {
            Random random = new Random(seed);
            for (int i = 0; i < cases; i++) {
                String input = generate.apply(random);
                try {
                    parse.accept(input);
                } catch (MigrateException e) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        throw new AssertionError("case " + i + " (seed " + seed + "): an error without a message for input\n"
                                + show(input), e);
                    }
                } catch (Throwable e) {
                    throw new AssertionError("case " + i + " (seed " + seed + "): " + e.getClass().getName()
                            + " escaped for input\n" + show(input), e);
                }
            }
        }, () -> "the fuzz run with seed " + seed + " did not end within " + BUDGET.toSeconds() + "s");
    }

    /** The input with control characters made visible, so a failing case can be copied into a test. */
    public static String show(String input) {
        StringBuilder b = new StringBuilder();
        for (char c : input.toCharArray()) {
            if (c == '\n') b.append("\\n\n");
            else if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    public static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /**
     * One to four edits of {@code base}: insert a token (from {@code tokens} or a random character),
     * delete or duplicate a span, swap two lines, or cut the text short.
     */
    public static String mutate(Random r, String base, List<String> tokens) {
        StringBuilder s = new StringBuilder(base);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
            switch (r.nextInt(7)) {
                case 0, 1 -> s.insert(at, pick(r, tokens));
                case 2 -> s.insert(at, randomChar(r));
                case 3 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(12));
                    s.delete(at, end);
                }
                case 4 -> {
                    int end = Math.min(s.length(), at + 1 + r.nextInt(40));
                    s.insert(end, s.substring(at, end));
                }
                case 5 -> {
                    String[] lines = s.toString().split("\n", -1);
                    if (lines.length > 1) {
                        int a = r.nextInt(lines.length);
                        int b = r.nextInt(lines.length);
                        String t = lines[a];
                        lines[a] = lines[b];
                        lines[b] = t;
                        s = new StringBuilder(String.join("\n", lines));
                    }
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static String randomChar(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> String.valueOf((char) r.nextInt(0x20));
            case 1 -> String.valueOf((char) (0x20 + r.nextInt(0x5f)));
            case 2 -> "\u00e9";
            case 3 -> "\uD83D\uDE00";
            case 4 -> "\uFEFF";
            default -> String.valueOf((char) (0x80 + r.nextInt(0x700)));
        };
    }

    /** {@code value} (String, Number, Boolean, null, List, Map) as flow YAML; plain strings stay unquoted when they can. */
    public static String yaml(Object value, Random r) {
        if (value == null) return r.nextBoolean() ? "null" : "~";
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        if (value instanceof String) {
            String s = (String) value;
            if (s.matches("[A-Za-z_][A-Za-z0-9_.() ]*") && r.nextBoolean() && !s.endsWith(" ")) return s;
            return quoted(s);
        }
        if (value instanceof List) {
            List<String> items = new ArrayList<>();
            for (Object o : (List<?>) value) items.add(yaml(o, r));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) entries.add(e.getKey() + ": " + yaml(e.getValue(), r));
        return "{" + String.join(", ", entries) + "}";
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
