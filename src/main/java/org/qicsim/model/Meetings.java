package org.qicsim.model;

import java.util.ArrayList;
import java.util.List;
import org.qicsim.model.Streams.Stream;
import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * S10 Meetings (MODEL.md §6 S10; EVIDENCE.md (a)4: MARCQI four and MBSC three face-to-face meetings
 * a year). Members attend with a probability that rises with effort, trust and a participation
 * payment conditional on attendance; co-attendees' ties strengthen with coordination quality; PDs
 * who attend are showcased (recognition, and visible to the attendees); champions are trained; every
 * attendee gains package know-how (socialisation, {@link Socialisation}). Meeting k is a plenary or one meeting per
 * region by the cross-group rule of §3.
 */
final class Meetings {
    private Meetings() {
    }

    static void step(QicSimulation sim, Month now) {
        Collaborative c = now.collaborative();
        Collaborative.Community community = c.community();
        int k = Calendar.meeting(now.month(), now.launchMonth(), community.meetingsPerYear());
        if (k < 0) {
            return;
        }
        Behaviour.Community b = sim.scenario.behaviour().community();
        int year = now.year();
        boolean conditional = c.incentives().participation().annual() > 0;
        List<Site> attendees = new ArrayList<>();
        for (Site s : sim.sites) {
            if (!s.membership.member) {
                continue;
            }
            s.accounts.held[year]++;
            double p = Logistic.sigma(b.attendanceBase() + b.attendanceEffort() * s.drive.effort()
                    + b.attendanceTrust() * s.community.trust + b.attendanceCondition() * (conditional ? 1 : 0));
            if (sim.keys.of(Stream.MEETINGS, s.index).nextDouble() < p) {
                attendees.add(s);
                s.accounts.attended[year]++;
            }
        }
        boolean plenary = Calendar.plenary(k, community.crossGroupShare());
        int groups = plenary ? 1 : community.regionalGroups();
        for (int g = 0; g < groups; g++) {
            List<Site> group = new ArrayList<>();
            for (Site s : attendees) {
                if (plenary || sim.region(s) == g) {
                    group.add(s);
                }
            }
            meet(sim, now, group, year);
        }
        // A didactic meeting reaches meetingReach of what a visit teaches; an interactive one closes
        // interactiveGain of the rest, 1 − (1 − interactiveGain)·(1 − meetingReach) (exactly 1 at gain 1).
        double reach = switch (community.meetingFormat()) {
            case INTERACTIVE -> 1.0 - (1.0 - b.interactiveGain()) * (1.0 - b.meetingReach());
            case DIDACTIC -> b.meetingReach();
        };
        for (Site s : attendees) {
            sim.ledger.site(now.month(), sim.scenario.costs().perMeetingAttendance());
            Socialisation.contact(sim, now, s, sim.keys.of(Stream.MEETINGS, s.index), reach);
        }
    }

    /** One meeting of a group of attendees: ties, showcases and training. */
    private static void meet(QicSimulation sim, Month now, List<Site> group, int year) {
        Collaborative c = now.collaborative();
        Behaviour.Community b = sim.scenario.behaviour().community();
        double gain = b.tieGain() * sim.coordinationQuality()
                * (c.community().buildingInvestment() ? b.buildingFactor() : 1.0);
        // The group is in index order (attendees are collected in index order).
        int[] indices = new int[group.size()];
        boolean[] inGroup = new boolean[sim.sites.length];
        for (int x = 0; x < indices.length; x++) {
            indices[x] = group.get(x).index;
            inGroup[indices[x]] = true;
        }
        sim.ties.meet(indices, indices.length, gain);
        if (c.positiveDeviance().enabled() && c.positiveDeviance().showcase()) {
            for (int pd : sim.centre.deviants()) {
                Site deviant = sim.sites[pd];
                if (!inGroup[pd] || sim.centre.excluded(deviant)) {
                    continue;
                }
                deviant.exposure.recognisedThisMonth = true;
                deviant.accounts.showcased[year] = true;
                for (Site s : group) {
                    if (s != deviant) {
                        s.exposure.showcasedSeen.set(pd);
                    }
                }
            }
        }
        if (c.leadership().training()) {
            for (Site s : group) {
                if (s.champion.filled()) {
                    // Influence follows the trained L from next month's world step (S10).
                    s.champion.train(b.trainingGain());
                    sim.ledger.payer(now.month(), sim.scenario.costs().trainingPerAttendance());
                }
            }
        }
    }
}
