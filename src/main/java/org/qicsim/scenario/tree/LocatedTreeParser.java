package org.qicsim.scenario.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON with Jackson's streaming parser into a located tree: every mapping, list,
 * scalar and mapping key keeps its file, line and column (1-based), and every scalar keeps the type
 * YAML gave it. Data binding would lose both, and both are needed to tell a user exactly where a
 * value is wrong.
 *
 * <p>Rejected as syntax errors: malformed YAML/JSON, duplicate keys (YAML parsers silently keep the
 * last, hiding typos), aliases, tags and {@code %TAG} directives, nesting deeper than
 * {@link YamlEvents#MAX_DEPTH}, more than one document; for files, anything but a regular file of at
 * most {@link InputText#MAX_BYTES} bytes of UTF-8 ({@link InputText}). Reusable for any qicsim input file.
 */
public final class LocatedTreeParser {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private LocatedTreeParser() {
    }

    /**
     * Parses a file, as JSON when its name ends in {@code .json}, otherwise as YAML.
     *
     * @param displayName the file name as messages should show it
     * @return the root node; an empty file gives a null scalar at line 1, column 1
     */
    public static Node parseFile(Path file, String displayName) throws IOException, TreeSyntaxException {
        String text = InputText.read(file, displayName);
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (!json) {
            YamlEvents.check(text, displayName, 0);
        }
        return parse(text, displayName, json, 0);
    }

    /**
     * Parses YAML text (YAML is a superset of JSON flow syntax).
     *
     * @param columnOffset added to columns on the first line, for text cut out of a longer line
     *     such as the value of {@code --set key=value}
     */
    public static Node parseYaml(String text, String displayName, int columnOffset) throws TreeSyntaxException {
        YamlEvents.check(text, displayName, columnOffset);
        return parse(text, displayName, false, columnOffset);
    }

    private static Node parse(String text, String displayName, boolean json, int columnOffset)
            throws TreeSyntaxException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Reader reader = new Reader(displayName, columnOffset);
        try (JsonParser parser = json ? JSON.createParser(body) : YAML.createParser(body)) {
            reader.parser = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ScalarNode(new Location(displayName, 1, 1 + columnOffset), ScalarNode.Kind.NULL, null);
            }
            Node root = reader.read(first);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new TreeSyntaxException(reader.location(),
                        "a second YAML document starts here; a file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, displayName, columnOffset);
        } catch (IOException e) {
            // Reading from a String cannot fail for I/O reasons; anything here is malformed input.
            throw new TreeSyntaxException(new Location(displayName, 1, 1), e.getMessage());
        }
    }

    private static TreeSyntaxException syntaxError(JsonProcessingException e, String file, int columnOffset) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                String message = marked.getProblem();
                if (marked.getContext() != null && marked.getContextMark() != null) {
                    Mark context = marked.getContextMark();
                    message += " (" + marked.getContext() + " that started at line " + (context.getLine() + 1)
                            + ", column " + (context.getColumn() + 1) + ")";
                }
                return new TreeSyntaxException(at(file, mark.getLine() + 1, mark.getColumn() + 1, columnOffset),
                        "YAML syntax error: " + message);
            }
        }
        JsonLocation where = e.getLocation();
        Location location = where == null
                ? new Location(file, 1, 1)
                : at(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()), columnOffset);
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return new TreeSyntaxException(location, "syntax error: " + firstLine(original));
    }

    private static String firstLine(String s) {
        int newline = s.indexOf('\n');
        return newline < 0 ? s : s.substring(0, newline);
    }

    private static Location at(String file, int line, int column, int columnOffset) {
        return new Location(file, line, line == 1 ? column + columnOffset : column);
    }

    /** Walks the token stream recursively; one instance per parse. */
    private static final class Reader {
        private final String file;
        private final int columnOffset;
        private JsonParser parser;

        Reader(String file, int columnOffset) {
            this.file = file;
            this.columnOffset = columnOffset;
        }

        Location location() {
            JsonLocation where = parser.currentTokenLocation();
            return at(file, where.getLineNr(), where.getColumnNr(), columnOffset);
        }

        Node read(JsonToken token) throws IOException, TreeSyntaxException {
            Location location = location();
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new TreeSyntaxException(location,
                        "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            }
            switch (token) {
                case START_OBJECT:
                    return readMapping(location);
                case START_ARRAY:
                    return readList(location);
                case VALUE_STRING:
                    return new ScalarNode(location, ScalarNode.Kind.STRING, parser.getText());
                case VALUE_NUMBER_INT:
                    return integer(location);
                case VALUE_NUMBER_FLOAT:
                    return new ScalarNode(location, ScalarNode.Kind.FLOAT, floating());
                case VALUE_TRUE:
                    return new ScalarNode(location, ScalarNode.Kind.BOOLEAN, Boolean.TRUE);
                case VALUE_FALSE:
                    return new ScalarNode(location, ScalarNode.Kind.BOOLEAN, Boolean.FALSE);
                case VALUE_NULL:
                    return new ScalarNode(location, ScalarNode.Kind.NULL, null);
                default:
                    throw new TreeSyntaxException(location, "unsupported YAML value (" + token + ")");
            }
        }

        private MapNode readMapping(Location location) throws IOException, TreeSyntaxException {
            Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new TreeSyntaxException(location(), "expected a mapping key, found " + token);
                }
                String key = parser.currentName();
                Location keyLocation = location();
                MapNode.Entry previous = entries.get(key);
                if (previous != null) {
                    throw new TreeSyntaxException(keyLocation, "duplicate key \"" + key
                            + "\" (first written at line " + previous.keyLocation().line() + ")");
                }
                Node value = read(parser.nextToken());
                entries.put(key, new MapNode.Entry(key, keyLocation, value));
            }
            return new MapNode(location, entries);
        }

        private ListNode readList(Location location) throws IOException, TreeSyntaxException {
            List<Node> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                items.add(read(token));
            }
            return new ListNode(location, items);
        }

        private ScalarNode integer(Location location) throws IOException {
            JsonParser.NumberType type = parser.getNumberType();
            Object value = type == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue()
                    : Long.valueOf(parser.getLongValue());
            if (value instanceof BigInteger big && big.bitLength() < 64) {
                value = big.longValue();
            }
            return new ScalarNode(location, ScalarNode.Kind.INTEGER, value);
        }

        private double floating() throws IOException {
            try {
                return parser.getDoubleValue();
            } catch (JsonProcessingException e) {
                // YAML's .inf and .nan reach here; validation then rejects them as non-finite.
                String text = parser.getText().toLowerCase(Locale.ROOT);
                if (text.contains("nan")) {
                    return Double.NaN;
                }
                return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
    }
}
