package dev.migrate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** A migration environment in a temporary folder, pointed at a test database, driven through the real command line. */
public final class Project {
    private final Path dir;
    private final Path versions;
    private final String url;

    public Project(Path dir, String url) {
        this(dir, url, "");
    }

    /** {@code extraConfig} is appended to migrate.yaml (e.g. {@code transaction_per_migration: false}). */
    public Project(Path dir, String url, String extraConfig) {
        this.dir = dir;
        this.versions = dir.resolve("migrations/versions");
        this.url = url;
        try {
            Files.createDirectories(versions);
            Files.writeString(dir.resolve("migrate.yaml"), "script_location: migrations\nurl: " + url + "\n" + extraConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path versions() {
        return versions;
    }

    public String url() {
        return url;
    }

    /** Writes a SQL revision; {@code down} may be null (a base) or "a,b" (a merge). Returns its file. */
    public Path sql(String id, String down, String upgrade, String downgrade) {
        return sql(id, down, "", upgrade, downgrade);
    }

    /**
     * Like {@link #sql(String, String, String, String)} with {@code extraHeader} lines after the
     * message (e.g. {@code "-- transactional: false\n"}), which move the upgrade section down as many lines.
     */
    public Path sql(String id, String down, String extraHeader, String upgrade, String downgrade) {
        StringBuilder s = new StringBuilder();
        s.append("-- revision: ").append(id).append('\n');
        if (down != null) s.append("-- down_revision: ").append(down.contains(",") ? "[" + down + "]" : down).append('\n');
        s.append("-- message: ").append("revision ").append(id).append('\n').append(extraHeader).append('\n');
        s.append("-- migrate:upgrade\n").append(upgrade).append("\n\n");
        s.append("-- migrate:downgrade\n").append(downgrade).append('\n');
        return file(id + "_rev.sql", s.toString());
    }

    /**
     * Writes a YAML revision with an empty body (only its header matters); {@code down} as in
     * {@link #sql}, {@code extraHeader} is added verbatim (e.g. {@code "branch_labels: [feature]\n"}).
     */
    public Path yaml(String id, String down, String extraHeader) {
        StringBuilder s = new StringBuilder();
        s.append("revision: ").append(id).append('\n');
        s.append("down_revision: ").append(down == null ? "null" : down.contains(",") ? "[" + down + "]" : down).append('\n');
        s.append("message: revision ").append(id).append('\n');
        s.append(extraHeader);
        s.append("upgrade: []\ndowngrade: []\n");
        return file(id + "_rev.yaml", s.toString());
    }

    /** Writes any file under the versions folder. */
    public Path file(String name, String content) {
        try {
            return Files.writeString(versions.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code migrate -c <this project>/migrate.yaml ARGS...}. */
    public LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        List<String> all = new ArrayList<>(List.of("-c", dir.resolve("migrate.yaml").toString()));
        all.addAll(Arrays.asList(args));
        return launcher.launch(all.toArray(String[]::new));
    }
}
