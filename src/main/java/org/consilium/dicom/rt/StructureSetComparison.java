package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two structure sets ROI by ROI (matched by name, trimmed, ignoring case) on the declared
 * rasterisation of docs/review-metrics.md: in-plane voxels of {@code spacing} mm anchored at the patient
 * origin, one plane per contour plane with the structure sets' slice spacing, voxel in when its centre is
 * inside by the even-odd rule; surfaces are the face-connected boundary voxels.
 *
 * @param spacing          in-plane voxel size in mm
 * @param surfaceTolerance tolerance of the surface Dice in mm
 */
public record StructureSetComparison(double spacing, double surfaceTolerance) {

    /** 1 mm voxels in-plane, surface Dice at 2 mm. */
    public static final StructureSetComparison DEFAULT = new StructureSetComparison(1, 2);

    /** Slab thickness when every contour of both sets lies on one plane. */
    static final double SINGLE_PLANE_THICKNESS = 3;

    public StructureSetComparison {
        if (!(spacing > 0) || !(surfaceTolerance >= 0)) {
            throw new IllegalArgumentException("spacing must be positive and the tolerance not negative");
        }
    }

    /** Metrics for every ROI of A, then the ROIs only B has. */
    public List<ContourMetrics> compare(StructureSet a, StructureSet b) {
        Planes planes = Planes.of(a, b);
        Map<String, Roi[]> pairs = new LinkedHashMap<>();
        for (Roi roi : a.rois()) {
            pairs.computeIfAbsent(key(roi.name()), k -> new Roi[2])[0] = roi;
        }
        for (Roi roi : b.rois()) {
            pairs.computeIfAbsent(key(roi.name()), k -> new Roi[2])[1] = roi;
        }
        List<ContourMetrics> out = new ArrayList<>();
        for (Roi[] pair : pairs.values()) {
            out.add(compare(pair[0], pair[1], planes));
        }
        return out;
    }

    /** Metrics of one pair of ROIs; either may be null (missing on that side). */
    public ContourMetrics compare(Roi a, Roi b, Planes planes) {
        String name = a != null ? a.name() : b.name();
        ContourMetrics.Presence presence = a == null ? ContourMetrics.Presence.ONLY_B
            : b == null ? ContourMetrics.Presence.ONLY_A : ContourMetrics.Presence.BOTH;
        double volumeA = a == null ? 0 : RoiVolume.cc(a, planes.spacing());
        double volumeB = b == null ? 0 : RoiVolume.cc(b, planes.spacing());
        Double percent = volumeA > 0 ? 100 * (volumeB - volumeA) / volumeA : null;
        List<Roi> present = new ArrayList<>();
        if (a != null) {
            present.add(a);
        }
        if (b != null) {
            present.add(b);
        }
        RasterGrid grid = RasterGrid.covering(present, spacing, planes.origin(), planes.spacing());
        RoiMask maskA = a == null ? null : RoiMask.rasterise(a, grid);
        RoiMask maskB = b == null ? null : RoiMask.rasterise(b, grid);
        if (maskA == null || maskB == null || maskA.isEmpty() || maskB.isEmpty()) {
            boolean oneEmpty = (maskA != null && !maskA.isEmpty()) || (maskB != null && !maskB.isEmpty());
            Double zero = presence == ContourMetrics.Presence.BOTH && oneEmpty ? 0.0 : null;
            return new ContourMetrics(name, presence, volumeA, volumeB, volumeB - volumeA, percent, zero, zero,
                null, null, null, zero, surfaceTolerance, null);
        }
        int overlap = maskA.overlap(maskB);
        int countA = maskA.voxelCount(), countB = maskB.voxelCount();
        SurfaceDistances d = SurfaceDistances.between(maskA, maskB);
        double[] ca = maskA.centroid(), cb = maskB.centroid();
        return new ContourMetrics(name, presence, volumeA, volumeB, volumeB - volumeA, percent,
            2.0 * overlap / (countA + countB), (double) overlap / (countA + countB - overlap),
            d.max(), d.percentile(95), d.mean(), d.shareWithin(surfaceTolerance), surfaceTolerance,
            new double[] {cb[0] - ca[0], cb[1] - ca[1], cb[2] - ca[2]});
    }

    private static String key(String roiName) {
        return roiName.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The planes of the declared grid: every {@code spacing} mm through {@code origin}. Taken from the
     * contours: the spacing is the smallest distance between two distinct contour planes of either set
     * (the CT slice spacing when every slice of some ROI is contoured).
     */
    public record Planes(double origin, double spacing) {

        public static Planes of(StructureSet... sets) {
            TreeSet<Double> z = new TreeSet<>();
            for (StructureSet set : sets) {
                for (Roi roi : set.rois()) {
                    for (Contour c : roi.contours()) {
                        if (Contour.CLOSED_PLANAR.equals(c.geometricType()) && c.pointCount() > 0) {
                            z.add(RoiVolume.planeKey(c.z()));
                        }
                    }
                }
            }
            if (z.isEmpty()) {
                return new Planes(0, SINGLE_PLANE_THICKNESS);
            }
            double[] values = z.stream().mapToDouble(Double::doubleValue).toArray();
            double gap = Double.POSITIVE_INFINITY;
            for (int i = 1; i < values.length; i++) {
                gap = Math.min(gap, values[i] - values[i - 1]);
            }
            return new Planes(values[0], Double.isInfinite(gap) ? SINGLE_PLANE_THICKNESS : gap);
        }
    }

    /** Distances from each surface voxel of one mask to the other mask's surface, both directions pooled. */
    record SurfaceDistances(double[] sorted) {

        static SurfaceDistances between(RoiMask a, RoiMask b) {
            int[] surfaceA = a.surface(), surfaceB = b.surface();
            DistanceMap toA = DistanceMap.to(a.grid(), surfaceA);
            DistanceMap toB = DistanceMap.to(b.grid(), surfaceB);
            double[] all = new double[surfaceA.length + surfaceB.length];
            int n = 0;
            for (int v : surfaceA) {
                all[n++] = toB.at(v);
            }
            for (int v : surfaceB) {
                all[n++] = toA.at(v);
            }
            Arrays.sort(all);
            return new SurfaceDistances(all);
        }

        double max() {
            return sorted[sorted.length - 1];
        }

        /** Nearest-rank percentile: the smallest distance with at least p% of all distances at or below it. */
        double percentile(double p) {
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        double mean() {
            double sum = 0;
            for (double d : sorted) {
                sum += d;
            }
            return sum / sorted.length;
        }

        double shareWithin(double tolerance) {
            int n = 0;
            while (n < sorted.length && sorted[n] <= tolerance + 1e-9) {
                n++;
            }
            return (double) n / sorted.length;
        }
    }
}
