package org.consilium.radiotherapy.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.rt.DoseGrid;
import org.consilium.dicom.rt.DoseVolumeHistogram;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.RtDoseReader;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetComparison;
import org.consilium.dicom.rt.StructureSetReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Constraint templates evaluated on the DVHs of the sample lung plan (60 Gy in 30 fractions). */
class ConstraintEvaluationTest {

    private static final Path SAMPLE = Path.of("dicom-samples/lung-phantom");
    private static Map<String, DoseVolumeHistogram> dvhs;

    @BeforeAll
    static void computeDvhs() throws Exception {
        DicomReader reader = new DicomReader();
        StructureSet set = StructureSetReader.read(reader.readFile(SAMPLE.resolve("RTSTRUCT.dcm")).dataset());
        DoseGrid dose = RtDoseReader.read(reader.readFile(SAMPLE.resolve("RTDOSE.dcm")));
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(set);
        dvhs = new LinkedHashMap<>();
        for (Roi roi : set.rois()) {
            dvhs.put(roi.name(), DoseVolumeHistogram.of(roi, dose, planes.origin(), planes.spacing()));
        }
    }

    private static ConstraintResult result(List<ConstraintResult> results, String constraint) {
        return results.stream().filter(r -> r.constraint().equals(constraint)).findFirst().orElseThrow();
    }

    @Test
    void lungTemplatePassesTheCordAndTheCoverageAndCannotEvaluateMissingTotalLungs() {
        List<ConstraintResult> results = ConstraintEvaluation.evaluate(DefaultTemplates.site("lung"), dvhs, 60.0);
        ConstraintResult cord = result(results, "SPINALCORD Dmax < 45 Gy");
        assertEquals(ConstraintResult.Outcome.PASS, cord.outcome());
        assertEquals("SPINALCORD", cord.roi());
        assertEquals(45 - dvhs.get("SPINALCORD").max(), cord.margin(), 1e-9);
        assertTrue(cord.note().contains("outside the dose grid"), "the cord runs past the dose grid: " + cord.note());
        ConstraintResult coverage = result(results, "PTV D95% >= 95 %Rx");
        assertEquals(ConstraintResult.Outcome.PASS, coverage.outcome());
        assertEquals(57.0, coverage.limit(), 1e-9);
        ConstraintResult lungs = result(results, "LUNGS V20Gy < 30 %");
        assertEquals(ConstraintResult.Outcome.NOT_EVALUABLE, lungs.outcome());
        assertNull(lungs.value());
        assertTrue(lungs.note().startsWith("no ROI named LUNGS"), lungs.note());
    }

    @Test
    void limitBelowTheDoseFailsWithANegativeMargin() {
        ConstraintTemplate strict = new ConstraintTemplate("test", "strict", 1, List.of(
            new DoseConstraint(List.of("heart"), "Dmax", "<", 5, "Gy", "test"),
            new DoseConstraint(List.of("LUNG_R"), "V20Gy", "<=", 500, "cc", "test")));
        List<ConstraintResult> results = ConstraintEvaluation.evaluate(strict, dvhs, null);
        assertEquals(ConstraintResult.Outcome.FAIL, results.get(0).outcome());
        assertEquals(5 - dvhs.get("HEART").max(), results.get(0).margin(), 1e-9);
        assertTrue(results.get(0).margin() < 0);
        assertEquals(ConstraintResult.Outcome.FAIL, results.get(1).outcome());
        assertEquals(dvhs.get("LUNG_R").volumeAtDose(20), results.get(1).value(), 1e-9);
    }

    @Test
    void limitRelativeToThePrescriptionNeedsAPrescription() {
        List<ConstraintResult> results = ConstraintEvaluation.evaluate(DefaultTemplates.site("lung"), dvhs, null);
        ConstraintResult coverage = result(results, "PTV D95% >= 95 %Rx");
        assertEquals(ConstraintResult.Outcome.NOT_EVALUABLE, coverage.outcome());
    }

    @Test
    void defaultTemplatesCoverTheCommonSitesAndAllParse() {
        List<String> sites = DefaultTemplates.all().stream().map(ConstraintTemplate::site).toList();
        assertEquals(List.of("lung", "lung-sbrt", "head-neck", "nasopharynx", "cervix", "breast", "rectum", "oesophagus"), sites);
        DefaultTemplates.all().forEach(t -> assertTrue(t.constraints().size() >= 4, t.site()));
    }

    @Test
    void constraintWithAVolumeUnitOnADoseStatisticIsRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> new DoseConstraint(List.of("HEART"), "Dmean", "<", 26, "%", "x"));
        assertThrows(IllegalArgumentException.class,
            () -> new DoseConstraint(List.of("HEART"), "V30Gy", "<", 46, "Gy", "x"));
        assertThrows(IllegalArgumentException.class,
            () -> new DoseConstraint(List.of("HEART"), "Dmean", "=", 26, "Gy", "x"));
    }
}
