package org.qicsim.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a number in a report comes from, written into its {@code data-source} attribute, relative to
 * the reported folder:
 * <ul>
 *   <li>{@code FILE#/json/pointer}: a value of a JSON file (RFC 6901 pointer);</li>
 *   <li>{@code FILE?key=value&…#column}: the cell in {@code column} of the one CSV row whose key
 *       columns hold those values (values URL-encoded);</li>
 *   <li>{@code FILE?key=value&…#fn(args)}: an aggregate the report computed over the matching rows:
 *       {@code mean(c)}, {@code ciLow(c)}, {@code ciHigh(c)} (t-based 95% interval of the mean,
 *       missing cells skipped), {@code count()}, {@code wmean(c,w)} (mean of c weighted by w),
 *       {@code funnel(rate,volume,side,level)} (sites outside a funnel limit, see
 *       {@link FunnelPlot}).</li>
 * </ul>
 */
record Source(String file, List<String> keys, String selector) {

    static Source json(String file, String pointer) {
        return new Source(file, List.of(), pointer.startsWith("/") ? pointer : "/" + pointer);
    }

    /** A JSON pointer from its unescaped segments ({@code ~} and {@code /} escaped as RFC 6901 says). */
    static Source json(String file, String... segments) {
        StringBuilder p = new StringBuilder();
        for (String s : segments) {
            p.append('/').append(s.replace("~", "~0").replace("/", "~1"));
        }
        return new Source(file, List.of(), p.toString());
    }

    /** A CSV cell or aggregate; {@code keyValues} alternate key column and value. */
    static Source csv(String file, String selector, String... keyValues) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            keys.add(keyValues[i] + "=" + URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
        }
        return new Source(file, List.copyOf(keys), selector);
    }

    @Override
    public String toString() {
        return file + (keys.isEmpty() ? "" : "?" + String.join("&", keys)) + "#" + selector;
    }
}
