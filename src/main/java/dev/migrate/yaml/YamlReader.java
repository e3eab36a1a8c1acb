package dev.migrate.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML into {@link Node}s with line numbers. Only SnakeYAML's parser and composer are used,
 * not its {@code Yaml} facade: no object construction, so nothing is instantiated by reflection and a
 * file cannot create objects, and none of the facade's constructor and representer set-up, which
 * every revision file would otherwise pay for (a no-op run reads them all).
 */
public final class YamlReader {
    /** Only read after construction, so the files parsed in parallel share it. */
    private static final Resolver RESOLVER = new Resolver();

    private YamlReader() {
    }

    /** Parses {@code text}; an empty document is a null scalar. Errors name {@code origin} and the line. */
    public static Node read(String text, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options).getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new SourceException(origin, line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SourceException(origin, 0, "invalid YAML: " + e.getMessage());
        }
        if (root == null) return Node.missing(origin, 1);
        return convert(root, origin);
    }

    private static Node convert(org.yaml.snakeyaml.nodes.Node n, String origin) {
        int line = n.getStartMark().getLine() + 1;
        if (n instanceof MappingNode) {
            LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode)) {
                    throw new SourceException(origin, t.getKeyNode().getStartMark().getLine() + 1,
                            "a mapping key must be a plain value");
                }
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (entries.containsKey(key)) {
                    throw new SourceException(origin, t.getKeyNode().getStartMark().getLine() + 1,
                            "duplicate key '" + key + "'");
                }
                entries.put(key, convert(t.getValueNode(), origin));
            }
            return Node.map(origin, line, entries);
        }
        if (n instanceof SequenceNode) {
            ArrayList<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : ((SequenceNode) n).getValue()) items.add(convert(item, origin));
            return Node.list(origin, line, items);
        }
        ScalarNode s = (ScalarNode) n;
        boolean quoted = s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        boolean isNull = !quoted && Tag.NULL.equals(s.getTag());
        return Node.scalar(origin, line, isNull ? null : s.getValue(), isNull, quoted);
    }
}
