package org.qicsim.model;

/**
 * A site's clinical champion post (MODEL.md §2, §6 S10): whether the post exists, whether it is
 * filled, the champion's leadership strength L, and since when it has been vacant. One per site;
 * a site with no post at initialisation never gets one from the world, but a funded collaborative
 * can recruit one (S10). A champion recruited by the collaborative's funding holds the post only
 * while the site is a member (issue 12 item 1): see {@link #membershipEnded}.
 */
final class Champion {
    /** Month the post emptied, or NONE while filled (or when no post ever existed). */
    static final int NONE = Integer.MIN_VALUE;

    /** Whether the site had a post of its own at initialisation (the world's post). */
    private final boolean worldPost;
    private boolean post;
    /** Whether the champion in post was recruited by the collaborative's funding (S10 recruitment). */
    private boolean funded;
    private boolean filled;
    private double leadership;
    private int vacantSince = NONE;
    /** Vacancies from which the world no longer expects a successor (the successor draw failed). */
    private boolean worldGaveUp;

    Champion(boolean post, double leadership) {
        this.worldPost = post;
        this.post = post;
        this.filled = post;
        this.leadership = leadership;
    }

    /** An exact copy of {@code source} (the pre-launch fork, MODEL.md §3). */
    Champion(Champion source) {
        this.worldPost = source.worldPost;
        this.post = source.post;
        this.funded = source.funded;
        this.filled = source.filled;
        this.leadership = source.leadership;
        this.vacantSince = source.vacantSince;
        this.worldGaveUp = source.worldGaveUp;
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

    boolean funded() {
        return funded;
    }

    /**
     * The site has left the collaborative: a funded champion leaves the post with the funding (vacant
     * since {@code month}); a champion the world appointed stays. A post that exists only because the
     * collaborative created it goes once it is empty, so the world never fills it (§5: a site without a
     * post of its own gets none from the world); the site's own post stays, vacant as after any departure.
     *
     * @return whether the champion in post changed (E0 must then be recomputed)
     */
    boolean membershipEnded(int month) {
        boolean changed = false;
        if (filled && funded) {
            leave(month);
            changed = true;
        }
        if (!filled && !worldPost) {
            post = false;
            vacantSince = NONE;
            worldGaveUp = false;
        }
        return changed;
    }

    void worldGivesUp() {
        worldGaveUp = true;
    }

    /** The world's successor takes the post. */
    void appoint(double newLeadership) {
        fill(newLeadership);
        funded = false;
    }

    /** The collaborative's funding recruits a champion (creating the post if the site had none). */
    void recruit(double newLeadership) {
        fill(newLeadership);
        funded = true;
    }

    private void fill(double newLeadership) {
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
