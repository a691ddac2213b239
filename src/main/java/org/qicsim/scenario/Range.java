package org.qicsim.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The valid range of a numeric scenario key, declared once on the record component. It drives both
 * validation and {@code qicsim schema}. Bounds are inclusive unless marked open.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    boolean minOpen() default false;

    boolean maxOpen() default false;
}
