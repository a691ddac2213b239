package org.qicsim.model;

import org.qicsim.scenario.Collaborative;

/**
 * The incentive programme (MODEL.md §2, §6 S6; EVIDENCE.md (a)1 and (a)5: BCBSM pays for
 * participation, funds abstraction and champions, and ties about 2% of hospital payments to CQI
 * performance). It measures each performance year on that year's records (window 12, lag 0), pays
 * the performance design's share of share·revenue {@code lagMonths} after the year, pays the
 * participation fee for each collaborative year at its end to every site that was a member throughout
 * it and met the attendance condition over it (in arrears, before that month's exit decisions), and keeps the
 * {@code incentivePaidToNoise} diagnostic by applying the same rule to the year's mean true rates on
 * the measured footing: the same measured sites (and so the same rank pool), each site's mean TRSR
 * put in recorded units (the source's expected recorded rate, S2), and the baseline target defined
 * on those rates as the measured one is on the measured rates (MODEL.md §6 S6, §10).
 */
final class IncentiveProgramme {
    private final QicSimulation sim;
    private final IncentiveDesign.YearRates[] measured;
    private final IncentiveDesign.YearRates[] truth;
    private final double[][] withheld;
    private double baselineTarget = Double.NaN;
    /** The baseline target's definition applied to the true rates (for incentivePaidToNoise). */
    private double trueBaselineTarget = Double.NaN;
    /** Whether a performance design is in force since the last month without one (X̂ then starts at its prior). */
    private boolean announced;
    /** Performance money paid, and the part of it the true rates would not have paid (§9 incentivePaidToNoise). */
    private double performancePaid;
    private double performancePaidToNoise;

    IncentiveProgramme(QicSimulation sim) {
        this.sim = sim;
        this.measured = new IncentiveDesign.YearRates[sim.years + 1];
        this.truth = new IncentiveDesign.YearRates[sim.years + 1];
        this.withheld = new double[sim.siteCount()][sim.years + 1];
    }

    /** s_inc = [outcome-based pay]·min(1, share/salienceShare). */
    static double salience(Collaborative.Incentives inc) {
        if (!IncentiveDesign.of(inc.performance()).pays()) {
            return 0.0;
        }
        return Math.min(1.0, inc.performance().share() / inc.salienceShare());
    }

    /**
     * What a withhold design feels like to a site (S6; Kahneman &amp; Tversky's loss aversion): the
     * return (returned − lossAversion·(withheld − returned))/withheld, 1 when all is returned and
     * −lossAversion when nothing is.
     */
    static double observedReturn(double returned, double withheld, double lossAversion) {
        return (returned - lossAversion * (withheld - returned)) / withheld;
    }

    /** Revenue of a site per year: λ_j·12·revenuePerCase. */
    double revenue(Site s) {
        return s.endowment.volume() * 12.0 * sim.scenario.costs().revenuePerCase();
    }

    /** Phase 2.4: measurement of performance years, withholding, payments, running costs. */
    void step(Month now) {
        int t = now.month();
        int launch = now.launchMonth();
        Collaborative.Incentives inc = now.collaborative().incentives();
        IncentiveDesign design = IncentiveDesign.of(inc.performance());
        announce(inc.performance());
        if (t == launch) {
            measureYear(now, 0, launch - 12, launch - 1);
            baselineTarget = 0.9 * CoordinatingCentre.meanOver(measuredSites(measured[0]), measured[0].rate());
            trueBaselineTarget = 0.9 * CoordinatingCentre.meanOver(measuredSites(truth[0]), truth[0].rate());
        }
        int ended = Calendar.yearEnd(t, launch);
        if (ended > 0 && ended < measured.length) {
            measureYear(now, ended, t - 11, t);
        }
        if (design.withholds() && (t - launch) % 12 == 0) {
            withhold(now, now.year(), inc);
        }
        int paidYear = Calendar.performancePayment(t, launch, inc.performance().lagMonths());
        if (paidYear > 0 && paidYear < measured.length && measured[paidYear] != null) {
            payPerformance(now, paidYear, design, inc);
        }
        if (ended > 0) {
            payParticipation(now, ended, inc.participation());
        }
        RunningCosts.month(sim, now);
    }

    /**
     * Expected attainment when a performance design is announced (MODEL.md S6, §10 item 64): a site
     * expects to earn {@code initialExpectation} of the maximum before any payment has come (Vroom's
     * expectancy: an announced reward motivates before it is paid; Lindenauer et al. 2007: Premier's
     * process gains began in the programme's first year), and learns from payments after that. Under
     * {@code none} X̂ = 0, so a design switched on later by the schedule is announced again.
     */
    private void announce(Collaborative.Performance performance) {
        if (!IncentiveDesign.of(performance).pays()) {
            announced = false;
            for (Site s : sim.sites) {
                s.drive.expectedAttainment = 0.0;
            }
        } else if (!announced) {
            announced = true;
            double prior = sim.scenario.behaviour().motivation().initialExpectation();
            for (Site s : sim.sites) {
                s.drive.expectedAttainment = prior;
            }
        }
    }

    private void measureYear(Month now, int year, int from, int to) {
        boolean[] members = sim.centre.members();
        Collaborative c = now.collaborative();
        Measurement.Settings settings = Measurement.Settings.of(c.measurement(), c.feedback().display());
        // S3 or S3p: the indicator the performance pay is on.
        Collaborative.Indicator paidOn = c.incentives().performance().indicator();
        Measurement m = ProcessIndicator.measure(sim, members, from, to, settings, paidOn);
        boolean[] has = new boolean[sim.siteCount()];
        double[] rate = new double[sim.siteCount()];
        double[] trueRate = new double[sim.siteCount()];
        for (int j : m.measured) {
            has[j] = true;
            rate[j] = m.reported(j, c.measurement().reliabilityAdjustment());
            double sum = 0.0;
            for (int t = from; t <= to; t++) {
                sum += sim.trace.trsr[t][j];
            }
            // In the units the centre measures in: the expected recorded rate of the site's true rate.
            trueRate[j] = Recording.expectedRecordedRate(c, sim.scenario.behaviour().recording(), sum / (to - from + 1));
        }
        ProcessIndicator.truth(sim, m, members, from, to, settings, paidOn, trueRate);
        measured[year] = new IncentiveDesign.YearRates(has, rate);
        truth[year] = new IncentiveDesign.YearRates(has, trueRate);
    }

    private static int[] measuredSites(IncentiveDesign.YearRates rates) {
        return java.util.stream.IntStream.range(0, rates.measured().length).filter(j -> rates.measured()[j]).toArray();
    }

    private double target(Collaborative.Performance p) {
        return p.target() != null ? p.target() : baselineTarget;
    }

    /** The same target on the true rates: a set target as it is (recorded units), else the baseline rule. */
    private double trueTarget(Collaborative.Performance p) {
        return p.target() != null ? p.target() : trueBaselineTarget;
    }

    private void withhold(Month now, int year, Collaborative.Incentives inc) {
        if (year >= withheld[0].length) {
            return;
        }
        for (Site s : sim.sites) {
            if (s.membership.member) {
                double amount = inc.performance().share() * revenue(s);
                withheld[s.index][year] = amount;
                pay(now, s, -amount);
            }
        }
    }

    private void payPerformance(Month now, int year, IncentiveDesign design, Collaborative.Incentives inc) {
        Collaborative.Performance p = inc.performance();
        double target = target(p);
        double[] earned = design.earned(measured[year], measured[year - 1], target);
        double[] deserved = design.earned(truth[year], truth[year - 1], trueTarget(p));
        double expectationRate = sim.scenario.behaviour().motivation().expectationRate();
        for (Site s : sim.sites) {
            int j = s.index;
            if (!measured[year].measured()[j]) {
                continue;
            }
            boolean forfeited = year < s.accounts.forfeited.length && s.accounts.forfeited[year];
            double share = forfeited ? 0.0 : earned[j];
            double outcome;
            double paid;
            if (design.withholds()) {
                double held = withheld[j][year];
                if (held <= 0) {
                    continue;
                }
                paid = share * held;
                outcome = observedReturn(paid, held, p.lossAversion());
            } else {
                double maximum = p.share() * revenue(s);
                paid = share * maximum;
                outcome = maximum > 0 ? paid / maximum : 0.0;
            }
            if (paid != 0) {
                pay(now, s, paid);
            }
            performancePaid += paid;
            if (paid > 0 && deserved[j] == 0.0) {
                performancePaidToNoise += paid;
            }
            s.drive.expectedAttainment += expectationRate * (outcome - s.drive.expectedAttainment);
        }
    }

    /**
     * Participation pay for collaborative year {@code year}, in its last month (after that month's
     * meetings, so the attendance condition covers the whole year): to every site that completed the
     * year as a member, whether or not it leaves at this year end (issue 12 item 1).
     */
    private void payParticipation(Month now, int year, Collaborative.Participation participation) {
        if (participation.annual() <= 0) {
            return;
        }
        int yearStart = now.launchMonth() + 12 * (year - 1);
        for (Site s : sim.sites) {
            if (!s.membership.memberThroughout(yearStart)) {
                continue;
            }
            int held = s.accounts.held[year];
            boolean met = held == 0 || (double) s.accounts.attended[year] / held >= participation.minAttendance();
            if (met) {
                pay(now, s, participation.annual());
            }
        }
    }

    /** A transfer from the payer to a site (negative when withheld), booked to this month and year. */
    void pay(Month now, Site s, double amount) {
        s.accounts.payments[Math.min(now.year(), s.accounts.payments.length - 1)] += amount;
        s.paymentsTotal += amount;
        sim.ledger.payer(now.month(), amount);
        sim.ledger.site(now.month(), -amount);
    }

    /**
     * MODEL.md §9 incentivePaidToNoise: the performance money paid to sites the same rule on the true
     * rates would have paid nothing, over all performance money paid; NaN when nothing was paid.
     */
    double paidToNoiseShare() {
        return performancePaid > 0 ? performancePaidToNoise / performancePaid : Double.NaN;
    }
}
