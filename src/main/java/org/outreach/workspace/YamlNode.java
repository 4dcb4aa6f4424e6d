package org.outreach.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A node of a YAML file that remembers where it was written, so every problem with a value names its line.
 * Reading never throws: a wrong shape is recorded in {@link Problems} and the accessor returns empty, so one
 * run reports every mistake in the file.
 */
final class YamlNode {

    private final Node node;
    private final String file;
    private final Problems problems;

    private YamlNode(Node node, String file, Problems problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    /** Reads and parses a YAML file; empty when it cannot be read or is not YAML (recorded). */
    static Optional<YamlNode> read(Path file, String shown, Problems problems) {
        try {
            return parse(shown, Files.readString(file), problems);
        } catch (java.nio.file.NoSuchFileException e) {
            problems.error(Location.of(shown), "no such file");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(Location.of(shown), "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Parses one YAML document; empty when the text is not YAML (recorded) or holds nothing. */
    static Optional<YamlNode> parse(String file, String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).build();
        try {
            return new Compose(settings).composeString(text).map(root -> new YamlNode(root, file, problems));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            Location where = mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
            problems.error(where, "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.error(Location.of(file), "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    Location at() {
        return node.getStartMark()
                .map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(Location.of(file));
    }

    void error(String message) {
        problems.error(at(), message);
    }

    void warning(String message) {
        problems.warning(at(), message);
    }

    /** The value of a scalar, or empty (recorded) when this is a list or a mapping. */
    Optional<String> text() {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        error("expected a single value here, not a " + (node instanceof MappingNode ? "mapping" : "list"));
        return Optional.empty();
    }

    /** Converts the scalar with {@code parse}; a parse that throws {@link IllegalArgumentException} is recorded. */
    <T> Optional<T> as(Function<String, T> parse) {
        return text().flatMap(value -> {
            try {
                return Optional.of(parse.apply(value));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                error(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A list's items; a single value counts as a list of one, as people often write it. */
    List<YamlNode> items() {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(this::child).toList();
        }
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        error("expected a list here");
        return List.of();
    }

    /** A list's items, as {@link #items()}; an empty list is recorded with {@code whenEmpty}. */
    List<YamlNode> items(String whenEmpty) {
        List<YamlNode> items = items();
        if (items.isEmpty() && node instanceof SequenceNode) {
            error(whenEmpty);
        }
        return items;
    }

    /** A list under {@code key} that must be there and hold at least one item. */
    static List<YamlNode> nonEmptyList(Fields fields, String key, String message) {
        List<YamlNode> items = fields.required(key).map(YamlNode::items).orElse(List.of());
        if (items.isEmpty()) {
            fields.optional(key).ifPresent(node -> node.error(message));
        }
        return items;
    }

    /** A mapping with free keys (column names, template variables). */
    Optional<Map<String, YamlNode>> entries() {
        if (!(node instanceof MappingNode mapping)) {
            error("expected a mapping (key: value) here");
            return Optional.empty();
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = child(tuple.getKeyNode());
            key.text().ifPresent(name -> {
                if (entries.putIfAbsent(name, child(tuple.getValueNode())) != null) {
                    key.error("\"" + name + "\" is given twice");
                }
            });
        }
        return Optional.of(entries);
    }

    /** A mapping whose keys must be among {@code allowed}; any other key is recorded as a mistake. */
    Optional<Fields> fields(String... allowed) {
        return entries().map(entries -> {
            List<String> known = Arrays.asList(allowed);
            if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && !known.contains(key.getValue())) {
                        child(key).error("unknown key \"" + key.getValue() + "\" (expected one of: "
                                + String.join(", ", known) + ")");
                    }
                }
            }
            return new Fields(this, entries);
        });
    }

    private YamlNode child(Node child) {
        return new YamlNode(child, file, problems);
    }

    /** The known keys of a mapping. */
    static final class Fields {

        private final YamlNode owner;
        private final Map<String, YamlNode> entries;

        private Fields(YamlNode owner, Map<String, YamlNode> entries) {
            this.owner = owner;
            this.entries = entries;
        }

        Optional<YamlNode> optional(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        Optional<YamlNode> required(String key) {
            Optional<YamlNode> value = optional(key);
            if (value.isEmpty()) {
                owner.error("missing \"" + key + "\"");
            }
            return value;
        }

        Optional<String> text(String key) {
            return optional(key).flatMap(YamlNode::text);
        }

        Optional<String> requiredText(String key) {
            return required(key).flatMap(YamlNode::text);
        }

        List<YamlNode> list(String key) {
            return optional(key).map(YamlNode::items).orElseGet(ArrayList::new);
        }

        Location at() {
            return owner.at();
        }
    }
}
