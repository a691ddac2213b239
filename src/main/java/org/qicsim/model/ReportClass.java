package org.qicsim.model;

/** A site's class on a funnel plot (MODEL.md §6 S3): significantly worse, as expected, or better. */
public enum ReportClass {
    WORSE, EXPECTED, BETTER
}
