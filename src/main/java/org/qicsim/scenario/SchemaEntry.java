package org.qicsim.scenario;

/** A node of the scenario schema: a section (a record) or a key (a record component holding a value). */
sealed interface SchemaEntry permits SchemaSection, KeySpec {

    String path();
}
