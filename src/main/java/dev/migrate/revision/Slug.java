package dev.migrate.revision;

import java.util.Locale;

/** The file-name slug of a revision message, made exactly as Alembic makes it. */
final class Slug {
    private Slug() {
    }

    /**
     * Runs of word characters (letters, digits, {@code _}) joined by {@code _}, lower case; when longer
     * than {@code truncate}, cut there, back to the last {@code _}, and ended with {@code _}.
     */
    static String of(String message, int truncate) {
        StringBuilder slug = new StringBuilder();
        String text = message == null ? "" : message;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !isWord(text.charAt(i))) i++;
            int from = i;
            while (i < text.length() && isWord(text.charAt(i))) i++;
            if (i > from) {
                if (slug.length() > 0) slug.append('_');
                slug.append(text, from, i);
            }
        }
        String s = slug.toString().toLowerCase(Locale.ROOT);
        if (truncate > 0 && s.length() > truncate) {
            String cut = s.substring(0, truncate);
            int last = cut.lastIndexOf('_');
            s = (last >= 0 ? cut.substring(0, last) : cut) + "_";
        }
        return s;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
