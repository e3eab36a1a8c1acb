package dev.migrate.revision;

/** The two revision file formats, which can be mixed freely in one history. */
public enum Format {
    YAML("yaml"),
    SQL("sql");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    /** The extension new files get, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name says, or null when the file is not a revision file. */
    public static Format ofFileName(String name) {
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return YAML;
        if (name.endsWith(".sql")) return SQL;
        return null;
    }

    /** Parses a {@code --format} value. */
    public static Format parse(String value) {
        for (Format f : values()) {
            if (f.extension.equalsIgnoreCase(value) || (f == YAML && "yml".equalsIgnoreCase(value))) return f;
        }
        throw dev.migrate.MigrateException.usage("unknown revision format '" + value + "' (expected yaml or sql)");
    }
}
