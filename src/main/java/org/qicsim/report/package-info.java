/**
 * Self-contained HTML reports of results folders ({@code qicsim report FOLDER}): a plain-language
 * summary first, then charts drawn here as inline SVG (no scripts, no network), each with a table
 * of its numbers beside it, and a provenance footer from {@code manifest.json}.
 *
 * <p>Every number a table or the summary shows is a {@code <span class="num">} carrying the exact
 * value ({@code data-value}) and where it comes from ({@code data-source}: a file in the folder and
 * a JSON pointer, a CSV cell selected by key columns, or an aggregate over CSV rows), so tests can
 * check each one against the folder's files. {@link org.qicsim.report.Reports} is the entry point.
 */
package org.qicsim.report;
