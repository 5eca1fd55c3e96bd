package org.consilium.dicom.rt;

import java.util.List;

/**
 * A region of interest of a structure set, gathered from the Structure Set ROI, ROI Contour and RT ROI
 * Observations sequences, which link to each other by ROI Number.
 *
 * @param number              ROI Number
 * @param name                ROI Name
 * @param color               ROI Display Color as r, g, b (0–255), or null when absent
 * @param interpretedType     RT ROI Interpreted Type (EXTERNAL, PTV, CTV, GTV, ORGAN, ...), or "" when absent
 * @param generationAlgorithm ROI Generation Algorithm (AUTOMATIC, SEMIAUTOMATIC, MANUAL), or ""
 * @param contours            the contours, in file order
 */
public record Roi(int number, String name, int[] color, String interpretedType, String generationAlgorithm,
                  List<Contour> contours) {

    public Roi {
        contours = List.copyOf(contours);
        if (color != null && color.length != 3) {
            throw new IllegalArgumentException("ROI Display Color needs 3 values");
        }
    }

    /** Copy with other contours (an edit keeps number, name, colour and type). */
    public Roi withContours(List<Contour> newContours) {
        return new Roi(number, name, color, interpretedType, generationAlgorithm, newContours);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Roi r && number == r.number && name.equals(r.name)
            && java.util.Arrays.equals(color, r.color) && interpretedType.equals(r.interpretedType)
            && generationAlgorithm.equals(r.generationAlgorithm) && contours.equals(r.contours);
    }

    @Override
    public int hashCode() {
        return number * 31 + name.hashCode();
    }
}
