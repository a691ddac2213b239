package org.qicsim.scenario.tree;

import java.util.List;

/** A YAML sequence / JSON array. */
public record ListNode(Location location, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
