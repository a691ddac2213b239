package org.qicsim.scenario.tree;

import java.io.StringReader;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A first pass over YAML's event stream that rejects, at their line and column, what a qicsim input
 * never needs and a hostile file could use: explicit tags ({@code !foo}, {@code !!python/object},
 * which Jackson silently ignores) and {@code %TAG} directives, and nesting deeper than
 * {@link #MAX_DEPTH} (the tree reader is recursive). Syntax errors are left to the main parse, which
 * words them.
 */
final class YamlEvents {

    /** Deepest nesting of mappings and lists accepted; scenario files need 4. */
    static final int MAX_DEPTH = 64;

    private YamlEvents() {
    }

    static void check(String text, String displayName, int columnOffset) throws TreeSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputText.MAX_BYTES + 1);
        Yaml yaml = new Yaml(options);
        int depth = 0;
        try {
            for (Event event : yaml.parse(new StringReader(text))) {
                if (event instanceof DocumentStartEvent start) {
                    Map<String, String> tags = start.getTags();
                    if (tags != null && !tags.isEmpty()) {
                        throw new TreeSyntaxException(at(start.getStartMark(), displayName, columnOffset),
                                "YAML %TAG directives are not supported (valid: plain YAML without tags)");
                    }
                } else if (event instanceof CollectionStartEvent collection) {
                    rejectTag(collection.getTag(), collection.getStartMark(), displayName, columnOffset);
                    if (++depth > MAX_DEPTH) {
                        throw new TreeSyntaxException(at(collection.getStartMark(), displayName, columnOffset),
                                "nested more than " + MAX_DEPTH + " levels deep (valid: at most " + MAX_DEPTH + ")");
                    }
                } else if (event instanceof ScalarEvent scalar) {
                    rejectTag(scalar.getTag(), scalar.getStartMark(), displayName, columnOffset);
                } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            // Malformed YAML: the main parse reports it in its own words.
        }
    }

    private static void rejectTag(String tag, Mark mark, String displayName, int columnOffset)
            throws TreeSyntaxException {
        if (tag != null) {
            throw new TreeSyntaxException(at(mark, displayName, columnOffset), "YAML tags (" + shown(tag)
                    + ") are not supported (valid: plain values; quote a string that starts with !)");
        }
    }

    /** The tag as written, shortened: it is echoed into a message. */
    private static String shown(String tag) {
        String t = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static Location at(Mark mark, String file, int columnOffset) {
        int line = mark.getLine() + 1;
        int column = mark.getColumn() + 1;
        return new Location(file, line, line == 1 ? column + columnOffset : column);
    }
}
