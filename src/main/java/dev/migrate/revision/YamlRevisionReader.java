package dev.migrate.revision;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.graph.Revision;
import dev.migrate.yaml.Node;
import dev.migrate.yaml.YamlReader;

/** Reads the header of a YAML revision; its operations are handed to {@link YamlBody} on first use. */
final class YamlRevisionReader {
    static final List<String> FIELDS = List.of("revision", "down_revision", "branch_labels", "depends_on",
            "message", "create_date", "transactional", "upgrade", "downgrade", "unconverted");

    private YamlRevisionReader() {
    }

    static RevisionScript read(Path file, String text, String checksum) {
        String origin = file.toString();
        Node root = YamlReader.read(text, origin);
        if (!root.isMap()) {
            throw new InvalidRevisionFileException(origin, root.line(),
                    "a YAML revision must be a mapping with at least 'revision' and 'upgrade'");
        }
        root.checkKeys("a revision", FIELDS);
        if (!root.has("revision")) {
            throw new InvalidRevisionFileException(origin, 0, "no 'revision' field: every revision file needs its id");
        }
        Node idNode = root.get("revision");
        String id = idNode.requireText("revision");
        if (!RevisionIds.isValid(id)) throw new InvalidRevisionFileException(origin, idNode.line(), RevisionIds.problem(id));
        Node down = root.get("down_revision");
        List<String> downRevisions = down.asStringList();
        for (String d : downRevisions) {
            if (!RevisionIds.isValid(d)) {
                throw new InvalidRevisionFileException(origin, down.line(), "down_revision: " + RevisionIds.problem(d));
            }
        }
        List<String> branchLabels = root.get("branch_labels").asStringList();
        List<String> dependsOn = root.get("depends_on").asStringList();
        String message = root.get("message").text();
        String createDate = root.get("create_date").text();
        boolean transactional = root.get("transactional").asBoolean(true);
        if (!root.has("upgrade")) {
            throw new InvalidRevisionFileException(origin, root.line(),
                    "no 'upgrade' field: write 'upgrade: []' for a revision that does nothing");
        }
        Node upgrade = root.get("upgrade");
        Node downgrade = root.get("downgrade");
        Revision revision = new Revision(id, downRevisions, branchLabels, dependsOn, origin);
        Node unconverted = root.get("unconverted");
        return new RevisionScript(revision, message == null ? "" : message, createDate, file, Format.YAML,
                transactional, checksum, () -> UnconvertedCode.guard(origin, unconverted, YamlBody.parse(upgrade, downgrade)));
    }
}
