package org.qicsim.scenario.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeMergeTest {

    @Test
    void mapsMergeDeeplyListsAndScalarsReplaceAndTheWinnerKeepsItsLocation() throws Exception {
        MapNode base = (MapNode) LocatedTreeParser.parseYaml("""
                a: {x: 1, y: 2}
                list: [1, 2, 3]
                keep: true
                """, "base.yaml", 0);
        MapNode over = (MapNode) LocatedTreeParser.parseYaml("""
                list: [9]
                a:
                  y: 20
                  z: 30
                """, "child.yaml", 0);
        MapNode merged = TreeMerge.mergeMaps(base, over);
        assertThat(merged.keys()).containsExactly("a", "list", "keep");
        assertThat(((MapNode) merged.get("a")).keys()).containsExactly("x", "y", "z");
        assertThat(merged.at("a.x").location()).isEqualTo(new Location("base.yaml", 1, 8));
        assertThat(merged.at("a.y").location()).isEqualTo(new Location("child.yaml", 3, 6));
        assertThat(((ListNode) merged.get("list")).items()).hasSize(1);
        assertThat(merged.get("list").location().file()).isEqualTo("child.yaml");
        assertThat(merged.get("keep").location().file()).isEqualTo("base.yaml");
    }

    @Test
    void aScalarOverAMappingReplacesIt() throws Exception {
        MapNode base = (MapNode) LocatedTreeParser.parseYaml("a: {x: 1}", "b", 0);
        MapNode over = (MapNode) LocatedTreeParser.parseYaml("a: 3", "o", 0);
        assertThat(TreeMerge.mergeMaps(base, over).get("a")).isInstanceOf(ScalarNode.class);
    }

    @Test
    void nestBuildsTheShapeOfADottedPath() {
        Location at = new Location("--set #1", 1, 1);
        ScalarNode value = ScalarNode.of(new Location("--set #1", 1, 13), 40L);
        MapNode nested = TreeMerge.nest(List.of("sites", "count"), at, value);
        assertThat(nested.at("sites.count")).isSameAs(value);
        assertThat(((MapNode) nested.get("sites")).entry("count").keyLocation()).isEqualTo(at);
    }
}
