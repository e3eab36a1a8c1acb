package dev.migrate.revision;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.Revision;
import dev.migrate.sql.Statement;

/**
 * A loaded revision file: its header, its body and the checksum recorded when it is applied.
 * The body of a YAML revision is parsed on first use, so that commands which only walk the graph
 * ({@code history}, {@code heads}) do not pay for it; its errors still name the file and line.
 */
public final class RevisionScript {
    private final Revision revision;
    private final String message;
    private final String createDate;
    private final Path file;
    private final Format format;
    private final boolean transactional;
    private final String checksum;
    private Supplier<Body> bodySource;
    private Body body;

    RevisionScript(Revision revision, String message, String createDate, Path file, Format format,
                   boolean transactional, String checksum, Supplier<Body> bodySource) {
        this.revision = revision;
        this.message = message;
        this.createDate = createDate;
        this.file = file;
        this.format = format;
        this.transactional = transactional;
        this.checksum = checksum;
        this.bodySource = bodySource;
    }

    /** Loads one revision file; its format comes from its extension. */
    public static RevisionScript load(Path file) {
        return load(file, Map.of());
    }

    /** Loads one revision file; {@code values} are the {@code -x} values SQL revisions use as {@code ${x.key}}. */
    public static RevisionScript load(Path file, Map<String, String> values) {
        Format format = Format.ofFileName(file.getFileName().toString());
        if (format == null) {
            throw new MigrateException(file + ": not a revision file (expected .yaml, .yml or .sql)");
        }
        String text = Checksum.normalise(readText(file));
        String checksum = Checksum.of(text);
        return format == Format.YAML
                ? YamlRevisionReader.read(file, text, checksum)
                : SqlRevisionReader.read(file, text, checksum, values);
    }

    private static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new MigrateException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new MigrateException(file + ": cannot read the revision file: " + e.getMessage(), e);
        }
    }

    /** The graph node: id, down revisions, branch labels, dependencies. */
    public Revision revision() {
        return revision;
    }

    public String id() {
        return revision.id();
    }

    /** The message, empty when the file has none. */
    public String message() {
        return message;
    }

    /** The {@code create_date} as written, or null. */
    public String createDate() {
        return createDate;
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** False when the revision asks to run outside a transaction ({@code transactional: false}). */
    public boolean transactional() {
        return transactional;
    }

    /** SHA-256 hex of the file with line endings and BOM normalised (see {@link Checksum}). */
    public String checksum() {
        return checksum;
    }

    /** The statements each direction runs; parsed on first call for YAML revisions. */
    public synchronized Body body() {
        if (body == null) {
            body = bodySource.get();
            bodySource = null;
        }
        return body;
    }

    public List<Statement> upgrade(Dialect dialect) {
        return body().upgrade(dialect);
    }

    public List<Statement> downgrade(Dialect dialect) {
        return body().downgrade(dialect);
    }

    @Override
    public String toString() {
        return revision.id() + " (" + file + ")";
    }
}
