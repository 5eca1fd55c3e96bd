package org.consilium.dicom.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.rt.DoseGrid;
import org.consilium.dicom.rt.RtDoseReader;
import org.junit.jupiter.api.Test;

/** The sample dose is consistent with the plan and plausible for a right-lung plan. */
class PlanDoseTest {

    private static DoseGrid sampleDose() throws Exception {
        return RtDoseReader.read(new DicomReader().readFile(
            SampleGeneratorTest.COMMITTED.resolve("lung-phantom/RTDOSE.dcm")).dataset());
    }

    @Test
    void gridDoseMatchesTheAnalyticDoseInsideThePtv() throws Exception {
        DoseGrid grid = sampleDose();
        double[] iso = PlanDesign.ISOCENTER;
        assertEquals(PlanDesign.dose(iso[0], iso[1], iso[2]), grid.doseAt(iso[0], iso[1], iso[2]), 0.5);
        assertEquals(60, grid.doseAt(iso[0], iso[1], iso[2]), 1.5);
        assertEquals(PlanDesign.dose(iso[0] + 11, iso[1] - 7, iso[2] + 3),
            grid.doseAt(iso[0] + 11, iso[1] - 7, iso[2] + 3), 0.6);
    }

    @Test
    void ptvIsCoveredAndTheCordIsSpared() {
        double ptvMin = Double.MAX_VALUE, cordMax = 0;
        for (double z = -118.75; z <= 118.75; z += 2.5) {
            for (double x = -170; x <= 170; x += 1) {
                for (double y = -120; y <= 120; y += 1) {
                    if (Phantom.PTV.contains(x, y, z)) {
                        ptvMin = Math.min(ptvMin, PlanDesign.dose(x, y, z));
                    }
                    if (Phantom.CORD.contains(x, y, z)) {
                        cordMax = Math.max(cordMax, PlanDesign.dose(x, y, z));
                    }
                }
            }
        }
        assertTrue(ptvMin > 0.9 * PlanDesign.PRESCRIPTION_GY, "PTV minimum " + ptvMin);
        assertTrue(cordMax > 5 && cordMax < 45, "cord maximum " + cordMax + " Gy");
    }

    @Test
    void noDoseOutsideTheBody() throws Exception {
        assertEquals(0, sampleDose().doseAt(-169, -119, 0), 1e-9);
        assertEquals(0, PlanDesign.dose(0, -125, 0));
    }

}
