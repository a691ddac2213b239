package org.qicsim.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client request limits: a token bucket per client key (a participant's or facilitator's token
 * when the request carries a valid one, else the remote address), {@code burst} requests at once
 * and {@code perSecond} after that. Over the limit, the server answers 429.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;

    private final double burst;
    private final double perSecond;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    RateLimiter(double burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Takes one request from the client's bucket; false when it is empty. */
    boolean allow(String client, long nanoTime) {
        if (buckets.size() > MAX_CLIENTS) {
            prune(nanoTime);
        }
        double[] bucket = buckets.computeIfAbsent(client, k -> new double[] {burst, nanoTime});
        synchronized (bucket) {
            double elapsed = (nanoTime - bucket[1]) / 1e9;
            bucket[0] = Math.min(burst, bucket[0] + elapsed * perSecond);
            bucket[1] = nanoTime;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }

    /** Drops buckets that have refilled completely: their clients are as if new. */
    private void prune(long nanoTime) {
        for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext();) {
            double[] b = it.next();
            synchronized (b) {
                if (b[0] + (nanoTime - b[1]) / 1e9 * perSecond >= burst) {
                    it.remove();
                }
            }
        }
    }
}
