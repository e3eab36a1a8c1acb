package dev.migrate.postgres;

/**
 * PL/pgSQL {@code DO} blocks: what migrate renders when a step depends on what the database holds
 * at run time (which columns use a type, whether an extension is installed), which a revision
 * file cannot know when it is written.
 */
final class DoBlock {
    private DoBlock() {
    }

    /** {@code DO $migrate$ body $migrate$}, with a dollar-quote tag the body does not contain. */
    static String of(String body) {
        String tag = "$migrate$";
        for (int i = 1; body.contains(tag); i++) tag = "$migrate_" + i + "$";
        return "DO " + tag + "\n" + body + "\n" + tag;
    }

    /**
     * {@code text} to go inside the quoted format string of a RAISE: quotes doubled, and {@code %}
     * doubled too, since RAISE reads it as a placeholder.
     */
    static String raiseText(String text) {
        return text.replace("'", "''").replace("%", "%%");
    }
}
