package org.consilium.dicom.rt;

import java.util.Collection;

/**
 * The declared voxel lattice on which contours become voxels (docs/review-metrics.md): axial planes
 * {@code z0 + k * dz}, and in each plane voxel centres at {@code (x0 + i * dx, y0 + j * dy)}. A voxel stands
 * for the slab of thickness {@code dz} around its plane, so its volume is {@code dx * dy * dz}.
 *
 * <p>{@link #covering} anchors the in-plane lattice at multiples of the spacing in patient coordinates, so
 * that two grids of the same spacing always share voxel centres, whatever ROIs they were made for.
 */
public record RasterGrid(double x0, double y0, double z0, double dx, double dy, double dz, int nx, int ny, int nz) {

    public RasterGrid {
        if (!(dx > 0) || !(dy > 0) || !(dz > 0)) {
            throw new IllegalArgumentException("grid spacing must be positive");
        }
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid size " + nx + "x" + ny + "x" + nz);
        }
    }

    /**
     * The grid over every closed contour of these ROIs, one empty voxel of margin in-plane, planes every
     * {@code dz} through {@code planeOrigin}.
     *
     * @param spacing     in-plane voxel size (mm), the same along x and y
     * @param planeOrigin the z of one contour plane (for CT-based contours, any CT slice position)
     * @param dz          distance between planes (the CT slice spacing)
     */
    public static RasterGrid covering(Collection<Roi> rois, double spacing, double planeOrigin, double dz) {
        return covering(rois, spacing, spacing, 0, 0, planeOrigin, dz);
    }

    /**
     * As {@link #covering(Collection, double, double, double)}, with voxel centres at {@code anchorX + i * dx},
     * {@code anchorY + j * dy} (for example the pixel centres of a dose grid).
     */
    public static RasterGrid covering(Collection<Roi> rois, double dx, double dy, double anchorX, double anchorY,
                                      double planeOrigin, double dz) {
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        for (Roi roi : rois) {
            for (Contour c : roi.contours()) {
                if (!Contour.CLOSED_PLANAR.equals(c.geometricType())) {
                    continue;
                }
                double[] p = c.points();
                for (int i = 0; i + 2 < p.length; i += 3) {
                    minX = Math.min(minX, p[i]);
                    maxX = Math.max(maxX, p[i]);
                    minY = Math.min(minY, p[i + 1]);
                    maxY = Math.max(maxY, p[i + 1]);
                    minZ = Math.min(minZ, p[i + 2]);
                    maxZ = Math.max(maxZ, p[i + 2]);
                }
            }
        }
        if (minX > maxX) {
            return new RasterGrid(anchorX, anchorY, planeOrigin, dx, dy, dz, 1, 1, 1);
        }
        long i0 = (long) Math.floor((minX - anchorX) / dx) - 1, i1 = (long) Math.ceil((maxX - anchorX) / dx) + 1;
        long j0 = (long) Math.floor((minY - anchorY) / dy) - 1, j1 = (long) Math.ceil((maxY - anchorY) / dy) + 1;
        long k0 = Math.round((minZ - planeOrigin) / dz), k1 = Math.round((maxZ - planeOrigin) / dz);
        return new RasterGrid(anchorX + i0 * dx, anchorY + j0 * dy, planeOrigin + k0 * dz, dx, dy, dz,
            (int) (i1 - i0 + 1), (int) (j1 - j0 + 1), (int) (k1 - k0 + 1));
    }

    public int size() {
        return nx * ny * nz;
    }

    public int index(int i, int j, int k) {
        return (k * ny + j) * nx + i;
    }

    public double x(int i) {
        return x0 + i * dx;
    }

    public double y(int j) {
        return y0 + j * dy;
    }

    public double z(int k) {
        return z0 + k * dz;
    }

    /** The plane a contour at height z belongs to (the nearest), or -1 when it is off the grid. */
    public int plane(double z) {
        long k = Math.round((z - z0) / dz);
        return k < 0 || k >= nz ? -1 : (int) k;
    }

    /** Volume of one voxel in mm³. */
    public double voxelVolume() {
        return dx * dy * dz;
    }
}
