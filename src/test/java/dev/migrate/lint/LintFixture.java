package dev.migrate.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.revision.RevisionScript;

/**
 * Revision files written to a folder, read by the real revision readers and linted: revision
 * {@code r1} (usually the one that creates the tables) comes first, each later one on top of the
 * previous; only the last is linted unless told otherwise.
 */
final class LintFixture {
    /** Tables that exist before the revision under test: what most rules need. */
    static final String TABLES = """
              - create_table:
                  table: users
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: email, type: string(50)}
                    - {name: amount, type: "numeric(10,2)"}
                    - {name: mood, type: text}
              - create_table:
                  table: orders
                  columns:
                    - {name: id, type: bigint, primary_key: true}
                    - {name: user_id, type: bigint}
            """;

    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private LintSettings settings = LintSettings.DEFAULTS;
    private TableSizes sizes = TableSizes.UNKNOWN;

    LintFixture(Path dir) {
        this.dir = dir;
    }

    /** Adds a YAML revision whose upgrade is {@code operations} (list items indented by two). */
    LintFixture yaml(String operations) {
        return yaml("", operations);
    }

    LintFixture yaml(String header, String operations) {
        String id = nextId();
        return write(id + ".yaml", "revision: " + id + "\ndown_revision: " + down() + "\n" + header
                + "downgrade: []\nupgrade:\n" + operations);
    }

    /** Adds a SQL revision whose upgrade section is {@code upgrade}. */
    LintFixture sql(String upgrade) {
        return sql("", upgrade);
    }

    LintFixture sql(String header, String upgrade) {
        String id = nextId();
        return write(id + ".sql", "-- revision: " + id + "\n-- down_revision: " + down() + "\n" + header
                + "-- migrate:upgrade\n" + upgrade + "\n");
    }

    LintFixture settings(LintSettings s) {
        this.settings = s;
        return this;
    }

    LintFixture sizes(TableSizes s) {
        this.sizes = s;
        return this;
    }

    /** Lints the last revision, the others read to learn the schema. */
    LintResult lintLast() {
        return lint(Set.of("r" + files.size()));
    }

    LintResult lintAll() {
        Set<String> all = new TreeSet<>();
        for (int i = 1; i <= files.size(); i++) all.add("r" + i);
        return lint(all);
    }

    private LintResult lint(Set<String> ids) {
        List<RevisionScript> scripts = new ArrayList<>();
        for (Path f : files) scripts.add(RevisionScript.load(f));
        return new Linter(settings, sizes, dir).lint(scripts, ids);
    }

    /** The rule ids of the counted (not ignored) findings. */
    static Set<String> rules(LintResult r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.counted()) out.add(f.rule().id());
        return out;
    }

    private String nextId() {
        return "r" + (files.size() + 1);
    }

    private String down() {
        return files.isEmpty() ? "null" : "r" + files.size();
    }

    private LintFixture write(String name, String content) {
        try {
            files.add(Files.writeString(dir.resolve(name), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
