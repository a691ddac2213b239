package org.qicsim.scratch;

import org.junit.jupiter.api.Test;
import org.qicsim.model.Run;
import org.qicsim.model.RunResult;
import org.qicsim.scenario.Scenario;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        String[] sets = System.getProperty("sets", "").isEmpty() ? new String[0] : System.getProperty("sets").split(";");
        Scenario s = ScratchBinder.defaults(sets);
        int reps = Integer.getInteger("reps", 3);
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            RunResult res = Run.execute(s, m -> s.collaborative(), 1000 + r);
            long t1 = System.nanoTime();
            System.out.printf("rep %d %.0f ms %s%n", r, (t1 - t0) / 1e6, res.metrics());
            if (r == 0) {
                for (int t = 0; t < res.months(); t += 6) {
                    System.out.println(t + " " + java.util.Arrays.toString(res.timeseriesRow(t)));
                }
            }
        }
    }
}
