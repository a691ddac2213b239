package org.qicsim.analysis.sensitivity;

/**
 * One Morris trajectory: k+1 points in unit space, each differing from the previous one in
 * exactly one coordinate, and the model output at each.
 */
public final class MorrisTrajectory {
    private final double[][] unit;
    private final double[] outputs;

    public MorrisTrajectory(double[][] unit, double[] outputs) {
        if (unit.length < 2 || unit.length != outputs.length) {
            throw new IllegalArgumentException("a trajectory needs >= 2 points and one output per point, not "
                    + unit.length + " points and " + outputs.length + " outputs");
        }
        this.unit = new double[unit.length][];
        for (int s = 0; s < unit.length; s++) {
            if (unit[s].length != unit[0].length) {
                throw new IllegalArgumentException("trajectory points differ in dimension");
            }
            this.unit[s] = unit[s].clone();
        }
        this.outputs = outputs.clone();
    }

    public int steps() {
        return unit.length - 1;
    }

    public int factors() {
        return unit[0].length;
    }

    double unit(int step, int factor) {
        return unit[step][factor];
    }

    double output(int step) {
        return outputs[step];
    }
}
