package dev.migrate.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The production sources as text, read from the folder tree, so layout rules can be tested without loading classes. */
record MainSources(List<Source> files) {
    private static final Path ROOT = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)\\.[A-Z]\\w*(?:\\.[\\w*]+)*;", Pattern.MULTILINE);

    /** One source file: where it is (relative to the source root), its package and its text. */
    record Source(String path, String pkg, String text) {
        /** The packages this file imports from (the package of each imported type). */
        List<String> importedPackages() {
            Matcher m = IMPORT.matcher(text);
            return m.results().map(r -> r.group(1)).toList();
        }
    }

    /** {@code path:line: match} for each match of {@code pattern} in {@code text}, so that a failure names the place. */
    static List<String> hits(String path, String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) out.add(path + ":" + line(text, m.start()) + ": " + m.group());
        return out;
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    static MainSources read() {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return new MainSources(paths.filter(p -> p.toString().endsWith(".java")).sorted().map(MainSources::source).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source source(Path file) {
        try {
            String text = Files.readString(file);
            Matcher m = PACKAGE.matcher(text);
            String pkg = m.find() ? m.group(1) : "";
            return new Source(ROOT.relativize(file).toString().replace('\\', '/'), pkg, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
