package org.qicsim.model;

import org.qicsim.scenario.Behaviour;
import org.qicsim.scenario.Collaborative;

/**
 * Where the collaborative's records come from, and so how faithfully they record (MODEL.md §6 S2
 * recording: sensitivity, specificity and the base of the risk's abstraction error). Registry
 * sources follow Birkmeyer 2010 / msqc.org audits; claims are less sensitive (EVIDENCE.md (a)3). The scenario's flat {@code measurement.source} enum
 * maps to one variant by an exhaustive switch.
 */
sealed interface DataSource {

    /** P(a true event is recorded). */
    double sensitivity(Behaviour.Recording r);

    /** P(a non-event is not recorded as an event). */
    double specificity(Behaviour.Recording r);

    /** The base of σ_abs, the recorded risk's abstraction error. */
    double riskError(Behaviour.Recording r);

    // The variants without parameters are shared instances, so of(), called inside monthly loops, allocates nothing.
    ClinicalRegistry CLINICAL_REGISTRY = new ClinicalRegistry();
    Claims CLAIMS = new Claims();

    static DataSource of(Collaborative.Source source) {
        return switch (source) {
            case REGISTRY -> CLINICAL_REGISTRY;
            case CLAIMS -> CLAIMS;
        };
    }

    /** A clinical registry: behaviour.recording.registry{Sensitivity, Specificity, RiskError}. */
    record ClinicalRegistry() implements DataSource {
        @Override
        public double sensitivity(Behaviour.Recording r) {
            return r.registrySensitivity();
        }

        @Override
        public double specificity(Behaviour.Recording r) {
            return r.registrySpecificity();
        }

        @Override
        public double riskError(Behaviour.Recording r) {
            return r.registryRiskError();
        }
    }

    /** Administrative claims: behaviour.recording.claims{Sensitivity, Specificity, RiskError}. */
    record Claims() implements DataSource {
        @Override
        public double sensitivity(Behaviour.Recording r) {
            return r.claimsSensitivity();
        }

        @Override
        public double specificity(Behaviour.Recording r) {
            return r.claimsSpecificity();
        }

        @Override
        public double riskError(Behaviour.Recording r) {
            return r.claimsRiskError();
        }
    }
}
