package org.qicsim.model;

/**
 * A site's clinical champion post (MODEL.md §2, §6 S10): whether the post exists, whether it is
 * filled, the champion's leadership strength L, and since when it has been vacant. One per site;
 * a site with no post at initialisation never gets one from the world, but a funded collaborative
 * can recruit one (S10).
 */
final class Champion {
    /** Month the post emptied, or NONE while filled (or when no post ever existed). */
    static final int NONE = Integer.MIN_VALUE;

    private boolean post;
    private boolean filled;
    private double leadership;
    private int vacantSince = NONE;
    /** Vacancies from which the world no longer expects a successor (the successor draw failed). */
    private boolean worldGaveUp;

    Champion(boolean post, double leadership) {
        this.post = post;
        this.filled = post;
        this.leadership = leadership;
    }

    /** c·L: the champion's leadership, 0 with no champion in post. */
    double presence() {
        return filled ? leadership : 0.0;
    }

    boolean filled() {
        return filled;
    }

    boolean hasPost() {
        return post;
    }

    double leadership() {
        return leadership;
    }

    int vacantSince() {
        return vacantSince;
    }

    boolean worldGaveUp() {
        return worldGaveUp;
    }

    void leave(int month) {
        filled = false;
        vacantSince = month;
        worldGaveUp = false;
    }

    void worldGivesUp() {
        worldGaveUp = true;
    }

    void appoint(double newLeadership) {
        post = true;
        filled = true;
        leadership = newLeadership;
        vacantSince = NONE;
        worldGaveUp = false;
    }

    /** Leadership training at a meeting: L += trainingGain·(1 − L). */
    void train(double gain) {
        leadership += gain * (1.0 - leadership);
    }
}
