package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContourTest {

    @Test
    void measuresTheAxialAreaOfAClosedContour() {
        Contour square = new Contour(Contour.CLOSED_PLANAR,
            new double[] {0, 0, 5, 10, 0, 5, 10, 20, 5, 0, 20, 5}, List.of());
        assertEquals(200, square.axialArea(), 1e-9);
        assertEquals(5, square.z());
        assertEquals(4, square.pointCount());
    }

    @Test
    void rejectsContourDataThatIsNotTriples() {
        assertThrows(IllegalArgumentException.class,
            () -> new Contour(Contour.POINT, new double[] {1, 2}, List.of()));
    }
}
