package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DoseGridTest {

    /** 3 x 2 x 3 grid at (10, 20, 30), spacing 2 (columns) x 4 (rows), frames 5 mm apart. */
    private static final GridGeometry GEOMETRY = new GridGeometry(3, 2, new double[] {10, 20, 30},
        new double[] {1, 0, 0, 0, 1, 0}, 4, 2, new double[] {0, 5, 10});

    /** A linear field is reproduced exactly by trilinear interpolation. */
    private static DoseGrid linearGrid() {
        float[] dose = new float[3 * 2 * 3];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 3; i++) {
                    double[] p = GEOMETRY.patientPosition(i, j, k);
                    dose[(k * 2 + j) * 3 + i] = (float) linear(p[0], p[1], p[2]);
                }
            }
        }
        return new DoseGrid(GEOMETRY, dose, "GY", "PHYSICAL", "PLAN");
    }

    private static double linear(double x, double y, double z) {
        return 1 + 0.5 * (x - 10) + 0.25 * (y - 20) + 0.1 * (z - 30);
    }

    @Test
    void interpolatesTrilinearlyBetweenVoxelCentres() {
        DoseGrid grid = linearGrid();
        assertEquals(linear(11.3, 22.9, 37.5), grid.doseAt(11.3, 22.9, 37.5), 1e-5);
        assertEquals(linear(14, 24, 40), grid.doseAt(14, 24, 40), 1e-5);
        assertEquals(grid.valueAt(1, 1, 1), grid.doseAt(12, 24, 35), 1e-6);
    }

    @Test
    void anAxialPlaneGivesTheSameDoseAsTheGridAtItsHeight() {
        DoseGrid grid = linearGrid();
        for (double z : new double[] {30, 31.7, 35, 38.2}) {
            DoseGrid.Plane plane = grid.axialPlane(z);
            for (double x = 9; x <= 19; x += 0.7) {
                for (double y = 19; y <= 23; y += 0.45) {
                    assertEquals(grid.covers(x, y, z), plane.covers(x, y), "covers " + x + "," + y + "," + z);
                    assertEquals(grid.doseAt(x, y, z), plane.doseAt(x, y), 1e-9, "dose at " + x + "," + y + "," + z);
                }
            }
        }
        assertNull(grid.axialPlane(29.9), "below the first frame");
        assertNull(grid.axialPlane(60), "above the last frame");
    }

    @Test
    void givesZeroOutsideTheGrid() {
        DoseGrid grid = linearGrid();
        assertEquals(0, grid.doseAt(9, 22, 35));
        assertEquals(0, grid.doseAt(12, 22, 41));
        assertEquals(0, grid.doseAt(12, 22, 29.9));
    }

    @Test
    void acceptsAbsoluteFrameOffsets() {
        GridGeometry absolute = new GridGeometry(3, 2, new double[] {10, 20, 30},
            new double[] {1, 0, 0, 0, 1, 0}, 4, 2, new double[] {30, 35, 40});
        assertArrayEquals(new double[] {1, 1, 1.5}, absolute.continuousIndex(12, 24, 37.5), 1e-9);
        assertArrayEquals(new double[] {12, 24, 40}, absolute.patientPosition(1, 1, 2), 1e-9);
    }

    @Test
    void followsObliqueOrientation() {
        // rows run along -y, columns along +x: normal is row x column = (0,-1,0) x (1,0,0) = (0,0,1)
        GridGeometry g = new GridGeometry(4, 4, new double[] {0, 0, 0}, new double[] {0, -1, 0, 1, 0, 0},
            1, 1, new double[] {0, 2, 4});
        assertArrayEquals(new double[] {0, 0, 1}, g.normal(), 1e-12);
        assertArrayEquals(new double[] {3, -2, 4}, g.patientPosition(2, 3, 2), 1e-12);
        assertArrayEquals(new double[] {2, 3, 2}, g.continuousIndex(3, -2, 4), 1e-12);
    }

    @Test
    void copiesOneFrame() {
        DoseGrid grid = linearGrid();
        float[] frame = grid.frame(2);
        assertEquals(6, frame.length);
        assertEquals(grid.valueAt(2, 1, 2), frame[5]);
    }
}
