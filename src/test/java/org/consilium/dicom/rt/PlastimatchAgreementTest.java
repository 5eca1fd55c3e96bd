package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.consilium.dicom.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our review metrics against plastimatch (Debian {@code plastimatch}) on the sample plan and its expert
 * revision, both rasterised by plastimatch on the very grid we declare (1 mm in-plane, the CT's 2.5 mm
 * planes, contours XOR-ed): the voxel counts must be equal, Dice within 0.01 and the Hausdorff distance
 * within one voxel (2.5 mm) on every ROI. docs/review-metrics.md records the numbers.
 */
public class PlastimatchAgreementTest {

    private static final double SPACING = 1;

    @Test
    void diceAndHausdorffAgreeWithPlastimatchOnEveryRoiOfTheSamplePlan(@TempDir Path tmp) throws Exception {
        Path original = RtCorpus.SAMPLES.resolve("RTSTRUCT.dcm");
        Path revised = RtCorpus.SAMPLES.resolve("RTSTRUCT_revised.dcm");
        StructureSet a = StructureSetReader.read(RtCorpus.sample("RTSTRUCT.dcm"));
        StructureSet b = StructureSetReader.read(RtCorpus.sample("RTSTRUCT_revised.dcm"));
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(a, b);
        List<Roi> all = new ArrayList<>(a.rois());
        all.addAll(b.rois());
        RasterGrid grid = RasterGrid.covering(all, SPACING, planes.origin(), planes.spacing());
        rasterise(original, tmp.resolve("a"), grid);
        rasterise(revised, tmp.resolve("b"), grid);

        StructureSetComparison ours = new StructureSetComparison(SPACING, 2);
        List<ContourMetrics> metrics = ours.compare(a, b);
        assertEquals(a.rois().size(), metrics.size());
        StringBuilder table = new StringBuilder("ROI | Dice ours / plastimatch | HD | HD95 (pooled / plastimatch's mean of directed) | MSD\n");
        for (ContourMetrics m : metrics) {
            Plastimatch p = dice(tmp.resolve("a").resolve(m.roiName() + ".nrrd"), tmp.resolve("b").resolve(m.roiName() + ".nrrd"));
            RoiMask maskA = RoiMask.rasterise(a.roi(m.roiName()), grid);
            RoiMask maskB = RoiMask.rasterise(b.roi(m.roiName()), grid);
            assertEquals(p.truePositive + p.falseNegative, maskA.voxelCount(), m.roiName() + ": voxels of A");
            assertEquals(p.truePositive + p.falsePositive, maskB.voxelCount(), m.roiName() + ": voxels of B");
            assertEquals(p.dice, m.dice(), 0.01, m.roiName() + ": Dice");
            assertEquals(p.boundaryHausdorff, m.hausdorff(), planes.spacing(), m.roiName() + ": Hausdorff");
            table.append(String.format(Locale.ROOT, "%s | %.4f / %.4f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f%n",
                m.roiName(), m.dice(), p.dice, m.hausdorff(), p.boundaryHausdorff, m.hausdorff95(),
                p.boundaryPercent95, m.meanSurfaceDistance(), p.boundaryAverage));
        }
        System.out.print(table);
    }

    /** plastimatch's rasterisation of a structure set on our grid, contours XOR-ed (also the benchmark's). */
    public static void rasterise(Path rtstruct, Path out, RasterGrid g) {
        ExternalTools.Result r = ExternalTools.run(List.of("plastimatch", "convert", "--input", rtstruct.toString(),
            "--output-prefix", out.toString(), "--prefix-format", "nrrd", "--xor-contours",
            "--origin", String.format(Locale.ROOT, "%s %s %s", g.x0(), g.y0(), g.z0()),
            "--spacing", String.format(Locale.ROOT, "%s %s %s", g.dx(), g.dy(), g.dz()),
            "--dim", g.nx() + " " + g.ny() + " " + g.nz()));
        assertEquals(0, r.exitCode(), r.output());
    }

    record Plastimatch(long truePositive, long falsePositive, long falseNegative, double dice,
                       double boundaryHausdorff, double boundaryAverage, double boundaryPercent95) {}

    private static Plastimatch dice(Path reference, Path compared) {
        ExternalTools.Result r = ExternalTools.run(List.of("plastimatch", "dice", "--all", reference.toString(),
            compared.toString()));
        assertEquals(0, r.exitCode(), r.output());
        String out = r.output();
        return new Plastimatch((long) number(out, "TP:"), (long) number(out, "FP:"), (long) number(out, "FN:"),
            number(out, "DICE:"), number(out, "Hausdorff distance (boundary) ="),
            number(out, "Avg average Hausdorff distance (boundary) ="),
            number(out, "Percent (0.95) Hausdorff distance (boundary) ="));
    }

    public static double number(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*([-0-9.eE+]+)").matcher(output);
        assertTrue(m.find(), "plastimatch printed no " + label + ":\n" + output);
        return Double.parseDouble(m.group(1));
    }
}
