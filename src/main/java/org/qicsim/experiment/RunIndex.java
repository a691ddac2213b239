package org.qicsim.experiment;

/**
 * The runs a results folder can hold, as (point, replicate) pairs numbered for a bit set: points
 * {@code firstPoint} .. {@code firstPoint + points − 1}, replicates 0 .. {@code replications − 1}.
 * {@code run} has point 0, {@code compare} points 1..n, a sweep points 1..n; the {@link RunStore}
 * records which runs it holds by these numbers, so a resumed folder knows what is done.
 */
public record RunIndex(int firstPoint, int points, int replications) {
    public RunIndex {
        if (points < 1 || replications < 1) {
            throw new IllegalArgumentException("a run index needs points and replications, got " + points + " × "
                    + replications);
        }
    }

    /** Whether (point, replicate) is one of the runs. */
    public boolean contains(int point, int replicate) {
        return point >= firstPoint && point < firstPoint + points && replicate >= 0 && replicate < replications;
    }

    /** The run's number, point-major. */
    public int index(int point, int replicate) {
        return (point - firstPoint) * replications + replicate;
    }
}
