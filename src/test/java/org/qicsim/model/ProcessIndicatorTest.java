package org.qicsim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qicsim.scenario.Collaborative;
import org.qicsim.scenario.Problem;
import org.qicsim.scenario.ResolvedScenario;

/**
 * Process indicators (MODEL.md §6 S2p, S3p): planted effects on the documentation draws, gaming by
 * documentation and its audit, the measurement, and the validate note. Fixed seeds; each numeric
 * criterion is written before the run (a 4-SE band around the exact expectation).
 */
class ProcessIndicatorTest {
    private static final long SEED = 20261207L;
    private static final int MONTH = 5;
    private static final int PATIENTS = 400;

    private static QicSimulation simulation(String... sets) {
        String[] all = new String[sets.length + 2];
        all[0] = "collaborative.measurement.indicator=process";
        all[1] = "collaborative.measurement.declaredPractices=evidence";
        System.arraycopy(sets, 0, all, 2, sets.length);
        ResolvedScenario s = TestScenarios.resolved(all);
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        sim.month = MONTH;
        sim.keys.beginMonth(MONTH);
        return sim;
    }

    private static int allPractices(QicSimulation sim) {
        return (1 << sim.landscape.practices()) - 1;
    }

    @Test
    void aDesignWithoutAProcessIndicatorKeepsNoProcessRecords() {
        ResolvedScenario s = TestScenarios.resolved();
        World world = World.initialise(s.scenario(), new Streams(SEED, s.scenario().sites().count()));
        QicSimulation sim = new QicSimulation(world, s::collaborativeAt, Arm.COLLABORATIVE, SEED);
        assertThat(sim.processRecords).isNull();
        assertThat(simulation().processRecords).isNotNull();
    }

    @Test
    void aSiteExecutingEveryCountedPracticeIsMeasuredNearOneWithinDocumentationError() {
        QicSimulation exact = simulation("behaviour.recording.documentationError=0");
        int counted = allPractices(exact);
        Site s = exact.sites[0];
        ProcessIndicator.record(exact, Month.of(exact), s, counted, counted, PATIENTS);
        ProcessRecords r = exact.processRecords;
        int opportunities = PATIENTS * Integer.bitCount(counted);
        assertThat(r.opportunities[MONTH][0]).isEqualTo(opportunities);
        assertThat(r.delivered[MONTH][0]).isEqualTo(opportunities);
        assertThat(r.documented[MONTH][0]).isEqualTo(opportunities);

        double e = 0.05;
        QicSimulation noisy = simulation("behaviour.recording.documentationError=" + e);
        ProcessIndicator.record(noisy, Month.of(noisy), noisy.sites[0], counted, counted, PATIENTS);
        double documented = (double) noisy.processRecords.documented[MONTH][0] / opportunities;
        // Each delivered opportunity is documented with probability 1 − e: within 4 SE of 0.95.
        double se = StrictMath.sqrt(e * (1 - e) / opportunities);
        assertThat(documented).isCloseTo(1 - e, within(4 * se));
        assertThat(noisy.processRecords.delivered[MONTH][0]).isEqualTo(opportunities);
    }

    @Test
    void gamingByDocumentationRaisesMeasuredButNotTrueAdherenceAndTheAuditDetectsIt() {
        QicSimulation sim = simulation("behaviour.gaming.documentationShare=1", "behaviour.gaming.detection=1",
                "collaborative.measurement.auditRate=1");
        int counted = allPractices(sim);
        int half = 0;
        for (int i = 0; i < sim.landscape.practices(); i += 2) {
            half |= 1 << i;
        }
        Site s = sim.sites[0];
        s.membership.member = true;
        s.gaming.active = true;
        sim.active = true;
        sim.recordsThisMonth[0] = PATIENTS;
        sim.gamedRecords[0] = 0;
        ProcessIndicator.record(sim, Month.of(sim), s, counted, half, PATIENTS);
        ProcessRecords r = sim.processRecords;
        int opportunities = PATIENTS * Integer.bitCount(counted);
        // Every case missed a practice and every one is gamed: documented as complete.
        assertThat(r.documented[MONTH][0]).isEqualTo(opportunities);
        // True adherence is what was executed, whatever was documented.
        assertThat(r.delivered[MONTH][0]).isEqualTo(PATIENTS * Integer.bitCount(half));
        // The ungamed copy of the same draws: near the true share (within 4 SE plus the error e·missed).
        double delivered = (double) Integer.bitCount(half) / Integer.bitCount(counted);
        double e = sim.scenario.behaviour().recording().documentationError();
        double expected = delivered * (1 - e) + (1 - delivered) * e;
        assertThat((double) r.documentedUngamed[MONTH][0] / opportunities)
                .isCloseTo(expected, within(4 * StrictMath.sqrt(0.25 / opportunities)));
        assertThat(sim.gamedRecords[0]).isEqualTo(PATIENTS);

        // An audit of every record with certain detection catches the documentation gaming.
        for (Site other : sim.sites) {
            other.membership.member = other == s;
        }
        long before = sim.audit.detections;
        Audit.step(sim, Month.of(sim));
        assertThat(sim.audit.detections).isEqualTo(before + 1);
        assertThat(s.gaming.active).isFalse();
    }

    @Test
    void anHonestSiteIsNotGamedWhateverTheShare() {
        QicSimulation sim = simulation("behaviour.gaming.documentationShare=1");
        int counted = allPractices(sim);
        Site s = sim.sites[0];
        s.membership.member = true;
        s.gaming.active = false;
        sim.active = true;
        ProcessIndicator.record(sim, Month.of(sim), s, counted, 1, PATIENTS);
        assertThat(sim.processRecords.documented[MONTH][0]).isEqualTo(sim.processRecords.documentedUngamed[MONTH][0]);
    }

    @Test
    void processMeasurementIsNonAdherenceWithBinomialPrecision() {
        ProcessRecords r = new ProcessRecords(3, 12);
        r.opportunities[3][0] = 1000;
        r.documented[3][0] = 990;
        r.opportunities[3][1] = 1000;
        r.documented[3][1] = 700;
        r.opportunities[3][2] = 1000;
        r.documented[3][2] = 850;
        Measurement.Settings settings = new Measurement.Settings(1.0, true, 1.96);
        Measurement m = ProcessIndicator.process(r, r.documented, new boolean[] {true, true, true}, 0, 11, settings);
        assertThat(m.measured).containsExactly(0, 1, 2);
        assertThat(m.rsr[0]).isCloseTo(0.01, within(1e-15));
        assertThat(m.rsr[1]).isCloseTo(0.30, within(1e-15));
        assertThat(m.pooledRate).isCloseTo(0.46 / 3, within(1e-15));
        // Many opportunities: sampling variance p̄(1 − p̄)/1000 ≈ 1.3e-4 against a between-site
        // variance of ≈ 0.02, so reliability is high.
        assertThat(m.reliability[0]).isGreaterThan(0.99);
        int[] ranked = Measurement.rankAscending(m.measured, m.adjusted);
        assertThat(ranked).containsExactly(0, 2, 1);
    }

    @Test
    void theCompositeWeighsBothIndicatorsEqually() {
        ProcessRecords r = new ProcessRecords(2, 12);
        r.opportunities[0][0] = 1000;
        r.documented[0][0] = 900;
        r.opportunities[0][1] = 1000;
        r.documented[0][1] = 700;
        Measurement.Settings settings = new Measurement.Settings(1.0, true, 1.96);
        boolean[] both = {true, true};
        Measurement process = ProcessIndicator.process(r, r.documented, both, 0, 0, settings);
        Measurement outcome = Measurement.ofRates(2, new int[] {0, 1}, 0.1, new double[] {0.12, 0.08},
                new double[] {500, 500}, settings);
        Measurement c = ProcessIndicator.composite(outcome, process, settings);
        // ȳ = 0.2, scale p̄/ȳ = 0.5: c_0 = ½·0.12 + ½·0.5·0.1 = 0.085, c_1 = ½·0.08 + ½·0.5·0.3 = 0.115.
        assertThat(c.rsr[0]).isCloseTo(0.085, within(1e-15));
        assertThat(c.rsr[1]).isCloseTo(0.115, within(1e-15));
        assertThat(c.pooledRate).isEqualTo(0.1);
    }

    @Test
    void validateNotesAProcessIndicatorWithNothingDeclared() {
        ResolvedScenario none = TestScenarios.resolved("collaborative.measurement.indicator=process");
        assertThat(none.notes()).extracting(Problem::message)
                .anyMatch(msg -> msg.contains("counts nothing"));
        ResolvedScenario declared = TestScenarios.resolved("collaborative.measurement.indicator=process",
                "collaborative.measurement.declaredPractices=evidence");
        assertThat(declared.notes()).extracting(Problem::message).noneMatch(msg -> msg.contains("counts nothing"));
        ResolvedScenario outcome = TestScenarios.resolved("behaviour.recording.documentationError=0.2");
        assertThat(outcome.notes()).extracting(Problem::message)
                .anyMatch(msg -> msg.contains("used only with a process indicator"));
        assertThat(Collaborative.Indicator.values()).hasSize(3);
    }
}
