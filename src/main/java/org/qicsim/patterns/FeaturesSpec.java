package org.qicsim.patterns;

import java.nio.file.Path;

/**
 * P7: in {@code scenario}, switching off any one feature of the features file (its off settings as
 * data, {@link org.qicsim.experiment.Features}) lowers {@code statistic}: the paired 95% CI of
 * (off − on) lies below 0 for every feature.
 */
public record FeaturesSpec(Path scenario, Path features, String statistic) implements Pattern.Body {
}
