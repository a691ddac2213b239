package org.qicsim.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A key or section a file must give: it has no default ({@link RecordSchema}), and the JSON Schema
 * lists it as {@code required}. Scenario keys never are (every one has a default); an experiment
 * file's {@code scenario}, {@code factors} and {@code design} are.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {
}
