package org.qicsim.analysis.sensitivity;

/**
 * Morris screening measures of factor {@code factor} (0-based) over its {@code effects}
 * elementary effects: mean μ, mean absolute value μ*, and standard deviation σ (divisor
 * effects − 1; NaN with fewer than two effects).
 */
public record MorrisIndices(int factor, double mu, double muStar, double sigma, int effects) {
}
