package org.qicsim.scenario.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocatedTreeParserTest {

    private static MapNode yaml(String text) throws TreeSyntaxException {
        return (MapNode) LocatedTreeParser.parseYaml(text, "f.yaml", 0);
    }

    @Test
    void keysValuesAndListItemsKeepTheirLineAndColumn() throws Exception {
        MapNode root = yaml("""
                name: x
                sites:
                  count: 60
                  volume: {median: 40, spread: 0.6}
                list:
                  - 1
                  - [a, b]
                """);
        assertThat(root.entry("sites").keyLocation()).isEqualTo(new Location("f.yaml", 2, 1));
        MapNode sites = (MapNode) root.get("sites");
        assertThat(sites.entry("count").keyLocation()).isEqualTo(new Location("f.yaml", 3, 3));
        assertThat(sites.get("count").location()).isEqualTo(new Location("f.yaml", 3, 10));
        MapNode volume = (MapNode) sites.get("volume");
        assertThat(volume.location()).isEqualTo(new Location("f.yaml", 4, 11));
        assertThat(volume.entry("spread").keyLocation()).isEqualTo(new Location("f.yaml", 4, 24));
        assertThat(volume.get("spread").location()).isEqualTo(new Location("f.yaml", 4, 32));
        ListNode list = (ListNode) root.get("list");
        assertThat(list.items().get(0).location()).isEqualTo(new Location("f.yaml", 6, 5));
        assertThat(list.items().get(1).location()).isEqualTo(new Location("f.yaml", 7, 5));
        assertThat(root.at("sites.volume.median").location()).isEqualTo(new Location("f.yaml", 4, 20));
    }

    @Test
    void scalarsKeepTheTypeYamlGaveThem() throws Exception {
        MapNode root = yaml("""
                quoted: "5"
                single: '0.5'
                integer: 5
                float: 5.0
                exponent: 1e7
                yes: true
                empty:
                tilde: ~
                word: topDecile
                big: 99999999999999999999
                """);
        assertThat(kind(root, "quoted")).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(((ScalarNode) root.get("quoted")).value()).isEqualTo("5");
        assertThat(kind(root, "single")).isEqualTo(ScalarNode.Kind.STRING);
        assertThat(((ScalarNode) root.get("integer")).value()).isEqualTo(5L);
        assertThat(((ScalarNode) root.get("float")).value()).isEqualTo(5.0);
        assertThat(((ScalarNode) root.get("exponent")).value()).isEqualTo(1e7);
        assertThat(((ScalarNode) root.get("yes")).value()).isEqualTo(Boolean.TRUE);
        assertThat(kind(root, "empty")).isEqualTo(ScalarNode.Kind.NULL);
        assertThat(kind(root, "tilde")).isEqualTo(ScalarNode.Kind.NULL);
        assertThat(((ScalarNode) root.get("word")).value()).isEqualTo("topDecile");
        assertThat(((ScalarNode) root.get("big")).value()).hasToString("99999999999999999999");
        assertThat(kind(root, "big")).isEqualTo(ScalarNode.Kind.INTEGER);
    }

    @Test
    void nonFiniteFloatsParseSoThatValidationCanRejectThem() throws Exception {
        MapNode root = yaml("a: .inf\nb: -.inf\nc: .nan\n");
        assertThat(((ScalarNode) root.get("a")).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(((ScalarNode) root.get("b")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) ((ScalarNode) root.get("c")).value()).isNaN();
    }

    @Test
    void jsonFilesAreLocatedToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"sites\": {\n  \"count\": 40},\n \"flag\": true}");
        MapNode root = (MapNode) LocatedTreeParser.parseFile(file, "s.json");
        assertThat(root.at("sites.count").location()).isEqualTo(new Location("s.json", 2, 12));
        assertThat(((MapNode) root.get("sites")).entry("count").keyLocation().line()).isEqualTo(2);
        assertThat(root.get("flag").location().line()).isEqualTo(3);
    }

    @Test
    void syntaxErrorsAreLocatedWithAShortMessage() {
        assertThatThrownBy(() -> yaml("a: 1\n b: 2\n"))
                .isInstanceOfSatisfying(TreeSyntaxException.class, e -> {
                    assertThat(e.location()).isEqualTo(new Location("f.yaml", 2, 3));
                    assertThat(e.getMessage()).startsWith("YAML syntax error: mapping values are not allowed here")
                            .doesNotContain("\n");
                });
        assertThatThrownBy(() -> yaml("a: [1, 2\nb: 3\n"))
                .isInstanceOfSatisfying(TreeSyntaxException.class, e -> {
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("flow sequence").contains("line 1, column 4");
                });
    }

    @Test
    void jsonSyntaxErrorsAreLocated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"a\": 1,\n \"b\" 2}");
        assertThatThrownBy(() -> LocatedTreeParser.parseFile(file, "bad.json"))
                .isInstanceOfSatisfying(TreeSyntaxException.class, e -> {
                    assertThat(e.location().file()).isEqualTo("bad.json");
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("syntax error:");
                });
    }

    @Test
    void duplicateKeysAreErrorsNotSilentlyTheLastOne() {
        assertThatThrownBy(() -> yaml("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(TreeSyntaxException.class, e -> {
                    assertThat(e.location()).isEqualTo(new Location("f.yaml", 3, 1));
                    assertThat(e.getMessage()).contains("duplicate key \"a\"").contains("line 1");
                });
    }

    @Test
    void aliasesAndSecondDocumentsAreRejected() {
        assertThatThrownBy(() -> yaml("a: &x 1\nb: *x\n"))
                .isInstanceOfSatisfying(TreeSyntaxException.class,
                        e -> assertThat(e.location().line()).isEqualTo(2));
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
                .isInstanceOfSatisfying(TreeSyntaxException.class,
                        e -> assertThat(e.getMessage()).contains("second YAML document"));
    }

    @Test
    void columnOffsetShiftsTheFirstLineForCommandLineValues() throws Exception {
        Node value = LocatedTreeParser.parseYaml("{median: 10}", "--set #2", 14);
        assertThat(value.location()).isEqualTo(new Location("--set #2", 1, 15));
        assertThat(((MapNode) value).get("median").location()).isEqualTo(new Location("--set #2", 1, 24));
    }

    @Test
    void emptyTextIsANullScalar() throws Exception {
        Node value = LocatedTreeParser.parseYaml("", "--set #1", 6);
        assertThat(value).isInstanceOf(ScalarNode.class);
        assertThat(((ScalarNode) value).kind()).isEqualTo(ScalarNode.Kind.NULL);
        assertThat(value.location().column()).isEqualTo(7);
    }

    private static ScalarNode.Kind kind(MapNode root, String key) {
        return ((ScalarNode) root.get(key)).kind();
    }
}
