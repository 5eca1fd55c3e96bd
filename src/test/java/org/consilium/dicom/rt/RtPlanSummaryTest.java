package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RtPlanSummaryTest {

    @Test
    void summarisesPydicomsPlan() throws Exception {
        // expected values from pydicom 2.3.1: dcmread("rtplan.dcm")
        RtPlanSummary plan = RtPlanSummary.read(RtCorpus.pydicom("rtplan.dcm"));
        assertEquals("Plan1", plan.label());
        assertEquals(2, plan.prescriptions().size());
        RtPlanSummary.DoseReference oar = plan.prescriptions().get(0);
        assertEquals("ORGAN_AT_RISK", oar.type());
        assertEquals(75.0, oar.organAtRiskMaximumDose());
        assertNull(oar.targetPrescriptionDose());
        assertEquals(30.826203, plan.prescribedDose(), 1e-9);
        assertEquals(30, plan.fractions());
        assertEquals(Map.of(1, 116.0036697), plan.fractionGroups().get(0).beamMeterset());
        RtPlanSummary.Beam beam = plan.beams().get(0);
        assertEquals("Field 1", beam.name());
        assertEquals("STATIC", beam.type());
        assertEquals("PHOTON", beam.radiationType());
        assertEquals(List.of(0.0), beam.gantryAngles());
        assertEquals(116.0036697, beam.meterset());
        assertEquals(6.0, beam.nominalEnergy());
    }

    @Test
    void summarisesTheSamplePlan() throws Exception {
        RtPlanSummary plan = RtPlanSummary.read(RtCorpus.sample("RTPLAN.dcm"));
        assertEquals(60.0, plan.prescribedDose());
        assertEquals(30, plan.fractions());
        assertEquals("CURATIVE", plan.intent());
        assertEquals(List.of("AP", "RAO", "RPO", "PA", "LPO"), plan.beams().stream().map(RtPlanSummary.Beam::name).toList());
        assertEquals(List.of(0.0, 300.0, 240.0, 200.0, 160.0),
            plan.beams().stream().map(b -> b.gantryAngles().get(0)).toList());
        plan.beams().forEach(b -> assertEquals(true, b.meterset() > 50 && b.meterset() < 100, b.name()));
    }
}
