package org.consilium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.dicom.rt.DoseGrid;
import org.consilium.dicom.rt.DoseVolumeHistogram;
import org.consilium.dicom.rt.PlastimatchAgreementTest;
import org.consilium.dicom.rt.RasterGrid;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.RtDoseReader;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetComparison;
import org.consilium.dicom.rt.StructureSetReader;

/**
 * Issue 21's benchmarks of the review numbers, each against its peer run side by side on the same files, in
 * rounds, printing each round, the median and the ratio, and checking that the numbers agree:
 * <ul>
 *   <li>DVH of every ROI (read RTSTRUCT and RTDOSE, DVH and Dmean, D95%, Dmax, V20Gy of each ROI) against
 *       dicompyler-core (Debian python3-dicompylercore, {@code get_dvh} per ROI on data sets read once), on the
 *       sample plan and on the synthetic 30-ROI, 150-plane plan with its 2.5 mm dose grid; target ≥ 20×;</li>
 *   <li>review metrics of the 30 ROIs between two revisions against plastimatch ({@code convert} of both
 *       structure sets on our grid, then {@code dice} per ROI); target ≥ 5×.</li>
 * </ul>
 * Run by {@code bench/rt-numbers}; {@code -Drounds=N} (default 5).
 */
public final class RtNumbersBench {

    private static final String DICOMPYLER = """
            import sys, time
            import pydicom
            from dicompylercore import dicomparser, dvhcalc
            start, cpu = time.perf_counter(), time.process_time()
            rs, rd = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])
            rows = []
            for number, s in dicomparser.DicomParser(rs).GetStructures().items():
                d = dvhcalc.get_dvh(rs, rd, number)
                if d.volume > 0:
                    rows.append("%s\\t%r\\t%r\\t%r\\t%r" % (s['name'], d.mean, d.statistic('D95').value, d.max,
                                d.relative_volume.statistic('V20Gy').value))
            print("seconds\\t%r" % (time.perf_counter() - start))
            print("cpu\\t%r" % (time.process_time() - cpu))
            print("\\n".join(rows))
            """;
    private static final double SPACING = 1;
    /** Unmeasured runs before the rounds: the JVM goes on compiling the hot loops for some twenty runs. */
    private static final int WARM_UP = 20;

    private RtNumbersBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        Path work = Files.createTempDirectory("rt-numbers-bench");
        Path sample = Path.of("dicom-samples/lung-phantom");
        SyntheticPlan synthetic = SyntheticPlan.write(work);
        System.out.printf(Locale.ROOT, "rounds: %d; JVM %s; dicompyler-core and plastimatch from Debian%n", rounds,
                Runtime.version());
        dvh("DVH, sample plan (8 ROIs)", sample.resolve("RTSTRUCT.dcm"), sample.resolve("RTDOSE.dcm"), rounds);
        dvh("DVH, synthetic plan (30 ROIs, 150 planes, 2.5 mm dose grid)", synthetic.rtstructA, synthetic.rtdose, rounds);
        metrics("metrics, synthetic plan (30 ROIs, A vs B)", synthetic.rtstructA, synthetic.rtstructB, work, rounds);
    }

    private static void dvh(String title, Path rs, Path rd, int rounds) throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        Map<String, double[]> ourNumbers = null;
        Map<String, double[]> theirNumbers = null;
        for (int i = 0; i < WARM_UP; i++) {
            ourDvh(rs, rd); // the JIT: a server computing DVHs is warm, as Python's imports are outside its timing
        }
        List<Double> ourCpu = new ArrayList<>();
        List<Double> theirCpu = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            ourNumbers = ourDvh(rs, rd);
            ourCpu.add((processCpuNanos() - c0) / 1e9);
            ours.add((System.nanoTime() - t0) / 1e9);
            ExternalTools.Result p = ExternalTools.run(List.of(ExternalTools.PYTHON.toString(), "-c", DICOMPYLER,
                    rs.toString(), rd.toString()));
            if (p.exitCode() != 0) {
                throw new IllegalStateException("dicompyler-core failed:\n" + p.output());
            }
            theirNumbers = parseDicompyler(p.output());
            theirs.add(theirNumbers.remove("seconds")[0]);
            theirCpu.add(theirNumbers.remove("cpu")[0]);
            System.out.printf(Locale.ROOT, "  round %d: ours %.3f s (CPU %.3f s), dicompyler-core %.3f s (CPU %.3f s)%n",
                    r + 1, ours.getLast(), ourCpu.getLast(), theirs.getLast(), theirCpu.getLast());
        }
        System.out.printf(Locale.ROOT, "  CPU time (the process's, JIT and GC threads included): median ours %.3f s, "
                + "dicompyler-core %.3f s, ratio %.1fx%n", median(ourCpu), median(theirCpu), median(theirCpu) / median(ourCpu));
        double worst = 0;
        String where = "";
        int compared = 0;
        for (var e : theirNumbers.entrySet()) {
            double[] o = ourNumbers.get(e.getKey());
            if (o == null) {
                continue;
            }
            compared++;
            double[] t = e.getValue();
            for (int i = 0; i < 3; i++) { // Dmean, D95%, Dmax: difference beyond max(1 %, 0.1 Gy)
                double excess = Math.abs(o[i] - t[i]) / Math.max(0.1, 0.01 * Math.abs(t[i]));
                if (excess > worst) {
                    worst = excess;
                    where = e.getKey() + " " + List.of("Dmean", "D95%", "Dmax").get(i) + String.format(Locale.ROOT,
                            " %.3f vs %.3f Gy", o[i], t[i]);
                }
            }
        }
        report(title, ours, theirs, "dicompyler-core", 20, String.format(Locale.ROOT,
                "%d ROIs; largest Dmean/D95%%/Dmax difference %.2f of the tolerance max(1 %%, 0.1 Gy) (%s)",
                compared, worst, where));
    }

    private static Map<String, double[]> ourDvh(Path rs, Path rd) throws Exception {
        DicomReader reader = new DicomReader();
        StructureSet set = StructureSetReader.read(reader.readFile(rs).dataset());
        DoseGrid dose = RtDoseReader.read(reader.readFile(rd));
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(set);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Roi roi : set.rois()) {
            DoseVolumeHistogram d = DoseVolumeHistogram.of(roi, dose, planes.origin(), planes.spacing());
            out.put(roi.name(), new double[] {d.mean(), d.doseAtPercent(95), d.max(), d.percentAtDose(20)});
        }
        return out;
    }

    private static Map<String, double[]> parseDicompyler(String output) {
        Map<String, double[]> out = new HashMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split("\t");
            if (f.length != 2 && f.length != 5) {
                continue; // a warning printed by a library
            }
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = Double.parseDouble(f[i]);
            }
            out.put(f[0], v);
        }
        return out;
    }

    private static void metrics(String title, Path a, Path b, Path work, int rounds) throws Exception {
        DicomReader reader = new DicomReader();
        StructureSet setA = StructureSetReader.read(reader.readFile(a).dataset());
        StructureSet setB = StructureSetReader.read(reader.readFile(b).dataset());
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(setA, setB);
        List<Roi> all = new ArrayList<>(setA.rois());
        all.addAll(setB.rois());
        RasterGrid grid = RasterGrid.covering(all, SPACING, planes.origin(), planes.spacing());
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<ContourMetrics> metrics = null;
        Map<String, Double> plastimatchDice = new HashMap<>();
        ourMetrics(a, b);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            metrics = ourMetrics(a, b);
            ours.add((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            Path dir = Files.createDirectories(work.resolve("plastimatch-" + r));
            PlastimatchAgreementTest.rasterise(a, dir.resolve("a"), grid);
            PlastimatchAgreementTest.rasterise(b, dir.resolve("b"), grid);
            for (Roi roi : setA.rois()) {
                ExternalTools.Result d = ExternalTools.run(List.of("plastimatch", "dice", "--all",
                        dir.resolve("a").resolve(roi.name() + ".nrrd").toString(),
                        dir.resolve("b").resolve(roi.name() + ".nrrd").toString()));
                if (d.exitCode() != 0) {
                    throw new IllegalStateException("plastimatch dice failed:\n" + d.output());
                }
                plastimatchDice.put(roi.name(), PlastimatchAgreementTest.number(d.output(), "DICE:"));
            }
            theirs.add((System.nanoTime() - t1) / 1e9);
            System.out.printf(Locale.ROOT, "  round %d: ours %.3f s, plastimatch %.3f s%n", r + 1, ours.getLast(),
                    theirs.getLast());
        }
        double worst = 0;
        for (ContourMetrics m : metrics) {
            worst = Math.max(worst, Math.abs(m.dice() - plastimatchDice.get(m.roiName())));
        }
        report(title, ours, theirs, "plastimatch", 5, String.format(Locale.ROOT,
                "%d ROIs; largest Dice difference %.4f (tolerance 0.01)", metrics.size(), worst));
    }

    private static List<ContourMetrics> ourMetrics(Path a, Path b) throws Exception {
        DicomReader reader = new DicomReader();
        return new StructureSetComparison(SPACING, 2).compare(StructureSetReader.read(reader.readFile(a).dataset()),
                StructureSetReader.read(reader.readFile(b).dataset()));
    }

    private static void report(String title, List<Double> ours, List<Double> theirs, String peer, double target,
                               String agreement) {
        double o = median(ours);
        double t = median(theirs);
        System.out.printf(Locale.ROOT, "%s: median ours %.3f s, %s %.3f s, ratio %.1fx (target >= %.0fx: %s); %s%n",
                title, o, peer, t, t / o, target, t / o >= target ? "met" : "NOT met", agreement);
    }

    /** CPU time of this whole process (all threads), which a loaded machine does not inflate as it does wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
