package org.qicsim.scenario.tree;

/**
 * A node of a located YAML/JSON tree: a mapping, a list or a scalar, each remembering where it was
 * written so that any later complaint about it can point at the file, line and column.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** A short description of the value for messages, e.g. {@code string "abc"} or {@code a mapping}. */
    String describe();
}
