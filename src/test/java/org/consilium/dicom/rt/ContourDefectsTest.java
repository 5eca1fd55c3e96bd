package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each malformed contour is named with its ROI, its plane and what is wrong. */
class ContourDefectsTest {

    private static final ContourDefects CHECK = new ContourDefects(new double[] {0, 2.5, 5}, Set.of("1.2.3.1"), 0.05);

    private static List<ContourDefect> defects(Contour c) {
        return CHECK.find(AnalyticRois.set(AnalyticRois.roi("PTV", List.of(c))));
    }

    private static Contour closed(double... xyz) {
        return new Contour(Contour.CLOSED_PLANAR, xyz, List.of(new SopRef("1.2.840.10008.5.1.4.1.1.2", "1.2.3.1")));
    }

    @Test
    void aCleanSquareOnASliceHasNoDefect() {
        assertEquals(List.of(), defects(closed(0, 0, 2.5, 10, 0, 2.5, 10, 10, 2.5, 0, 10, 2.5)));
    }

    @Test
    void namesEachKindOfDefect() {
        assertEquals(ContourDefect.Kind.TOO_FEW_POINTS, defects(closed(0, 0, 0, 1, 1, 0)).get(0).kind());
        assertEquals(ContourDefect.Kind.OPEN, defects(new Contour("OPEN_PLANAR",
            new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0}, List.of())).get(0).kind());
        ContourDefect bowTie = defects(closed(0, 0, 0, 10, 10, 0, 10, 0, 0, 0, 10, 0)).get(0);
        assertEquals(ContourDefect.Kind.SELF_INTERSECTING, bowTie.kind());
        assertEquals("1 PTV", bowTie.roiLabel());
        ContourDefect off = defects(closed(0, 0, 1.2, 10, 0, 1.2, 10, 10, 1.2)).get(0);
        assertEquals(ContourDefect.Kind.OFF_SLICE, off.kind());
        assertEquals(1.2, off.z());
        assertEquals(ContourDefect.Kind.NOT_PLANAR, defects(closed(0, 0, 0, 10, 0, 0, 10, 10, 2.5)).get(0).kind());
        Contour unknown = new Contour(Contour.CLOSED_PLANAR, new double[] {0, 0, 5, 10, 0, 5, 10, 10, 5},
            List.of(new SopRef("1.2.840.10008.5.1.4.1.1.2", "9.9.9")));
        assertEquals(ContourDefect.Kind.UNKNOWN_IMAGE, defects(unknown).get(0).kind());
    }

    @Test
    void theSamplePlanHasNoDefects() throws Exception {
        StructureSet set = StructureSetReader.read(RtCorpus.sample("RTSTRUCT.dcm"));
        double[] z = new double[96];
        for (int k = 0; k < 96; k++) {
            z[k] = -118.75 + 2.5 * k;
        }
        Set<String> images = new java.util.HashSet<>();
        set.rois().forEach(r -> r.contours().forEach(c -> c.images().forEach(i -> images.add(i.sopInstanceUid()))));
        assertEquals(List.of(), new ContourDefects(z, images, 0.05).find(set));
    }
}
