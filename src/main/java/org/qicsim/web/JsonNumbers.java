package org.qicsim.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qicsim.analysis.Estimate;

/** Numbers as the pages receive them: JSON has no NaN or infinity, so undefined values travel as null. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** {@code {mean, ciLow, ciHigh, n}}. */
    static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(e.mean()));
        m.put("ciLow", finite(e.ciLow()));
        m.put("ciHigh", finite(e.ciHigh()));
        m.put("n", e.n());
        return m;
    }

    /** {@code {mean, ciLow, ciHigh}} of a point estimate and its interval. */
    static Map<String, Object> interval(double estimate, double ciLow, double ciHigh) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", finite(estimate));
        m.put("ciLow", finite(ciLow));
        m.put("ciHigh", finite(ciHigh));
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
