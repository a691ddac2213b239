package org.qicsim.report;

import java.util.Map;
import java.util.TreeMap;

/** Plain-language names of metrics and columns for readers who do not know the CSV headers. */
final class Labels {
    private static final Map<String, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry("baselineRate", "baseline adverse-event rate"),
            Map.entry("finalRate", "final adverse-event rate (last 12 months)"),
            Map.entry("cfFinalRate", "final rate without the collaborative"),
            Map.entry("relativeReduction", "relative reduction from baseline"),
            Map.entry("relativeEffect", "relative effect against no collaborative"),
            Map.entry("eventsAverted", "adverse events averted"),
            Map.entry("eventsAvertedDiscounted", "adverse events averted (discounted)"),
            Map.entry("eventsAvertedPer1000", "events averted per 1,000 patients"),
            Map.entry("retention", "hospitals retained"),
            Map.entry("costPayer", "payer cost"),
            Map.entry("costSite", "hospital cost"),
            Map.entry("costTotal", "total cost (payer + hospitals)"),
            Map.entry("netSavings", "net savings"),
            Map.entry("costPerEventAverted", "cost per event averted"),
            Map.entry("baselineMeasuredRate", "measured rate in the baseline year"),
            Map.entry("finalMeasuredRate", "measured rate in the last year"),
            Map.entry("baselineTrueRate", "expected rate in the baseline year"),
            Map.entry("finalTrueRate", "expected rate in the last year"),
            Map.entry("nmb", "net monetary benefit")));

    private Labels() {
    }

    /** A readable name followed by the file's name in parentheses when they differ, e.g. for tables. */
    static String metric(String metric) {
        String name = NAMES.get(metric);
        return name == null ? metric : name;
    }

    static String column(String column) {
        return metric(column);
    }
}
