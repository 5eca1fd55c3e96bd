package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

/**
 * Our DVH against dicompyler-core (Debian {@code python3-dicompylercore}, default settings: dose pixel
 * centres in-plane, 1 cGy bins) on every ROI of the sample plan: volume, Dmean, Dmax and D95% within 1% or
 * 0.1 Gy, V20Gy (% of the volume with dose) within 1 percentage point. docs/radiotherapy.md has the numbers.
 */
class DicompylerAgreementTest {

    private static final String SCRIPT = """
        import sys
        from dicompylercore import dicomparser, dvhcalc
        rs, rd = sys.argv[1], sys.argv[2]
        for number, s in dicomparser.DicomParser(rs).GetStructures().items():
            d = dvhcalc.get_dvh(rs, rd, number)
            r = d.relative_volume
            print("%s\\t%r\\t%r\\t%r\\t%r\\t%r\\t%r" % (s['name'], d.volume, d.mean, d.max,
                  d.statistic('D95').value, r.statistic('V20Gy').value, d.min))
        """;

    @Test
    void dvhStatisticsAgreeWithDicompylerOnEveryRoiOfTheSamplePlan() throws Exception {
        Path rs = RtCorpus.SAMPLES.resolve("RTSTRUCT.dcm");
        Path rd = RtCorpus.SAMPLES.resolve("RTDOSE.dcm");
        Map<String, double[]> theirs = dicompyler(rs, rd);
        StructureSet set = StructureSetReader.read(RtCorpus.sample("RTSTRUCT.dcm"));
        DoseGrid dose = RtDoseReader.read(new DicomReader().readFile(rd));
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(set);
        assertEquals(set.rois().size(), theirs.size());
        StringBuilder table = new StringBuilder("ROI | volume | Dmean | Dmax | D95% | V20Gy %\n");
        for (Roi roi : set.rois()) {
            DoseVolumeHistogram ours = DoseVolumeHistogram.of(roi, dose, planes.origin(), planes.spacing());
            double[] t = theirs.get(roi.name());
            table.append(String.format(Locale.ROOT, "%s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.2f / %.2f%n",
                roi.name(), ours.volume(), t[0], ours.mean(), t[1], ours.max(), t[2], ours.doseAtPercent(95), t[3],
                ours.percentAtDose(20), t[4]));
            assertEquals(t[0], ours.volume(), 0.01 * t[0], roi.name() + " volume");
            assertDose(t[1], ours.mean(), roi.name() + " Dmean");
            assertDose(t[2], ours.max(), roi.name() + " Dmax");
            assertDose(t[3], ours.doseAtPercent(95), roi.name() + " D95%");
            assertEquals(t[4], ours.percentAtDose(20), 1.0, roi.name() + " V20Gy %");
        }
        System.out.print(table);
    }

    private static void assertDose(double expected, double actual, String what) {
        double tolerance = Math.max(0.1, 0.01 * Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance,
            what + ": dicompyler-core " + expected + " Gy, ours " + actual + " Gy");
    }

    private static Map<String, double[]> dicompyler(Path rs, Path rd) {
        ExternalTools.requirePydicom();
        ExternalTools.Result r = ExternalTools.run(List.of(ExternalTools.PYTHON.toString(), "-c", SCRIPT,
            rs.toString(), rd.toString()));
        assertEquals(0, r.exitCode(), "dicompyler-core failed (apt-get install python3-dicompylercore):\n" + r.output());
        Map<String, double[]> out = new HashMap<>();
        for (String line : r.output().lines().toList()) {
            String[] f = line.split("\t");
            if (f.length == 7) {
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = Double.parseDouble(f[i + 1]);
                }
                out.put(f[0], v);
            }
        }
        return out;
    }
}
