package org.qicsim.analysis.sensitivity;

/** First-order and total-order Sobol indices of factor {@code factor} (0-based). */
public record SobolIndices(int factor, IndexEstimate first, IndexEstimate total) {
}
