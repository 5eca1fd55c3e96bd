package org.consilium.dicom.rt;

/**
 * Something wrong with one contour of a structure set, found by {@link ContourDefects}.
 *
 * @param kind    what is wrong
 * @param roi     the ROI's number and name
 * @param contour the contour's index within the ROI (0-based, file order)
 * @param z       the contour's plane (z of its first point), NaN when it has no points
 * @param detail  the values found, in English
 */
public record ContourDefect(Kind kind, Roi roi, int contour, double z, String detail) {

    public enum Kind {
        /** CLOSED_PLANAR with fewer than 3 points. */
        TOO_FEW_POINTS,
        /** OPEN_PLANAR or OPEN_NONPLANAR where a closed outline is needed. */
        OPEN,
        /** Points of one contour at different z: not an axial plane. */
        NOT_PLANAR,
        /** The outline crosses itself. */
        SELF_INTERSECTING,
        /** The plane is not at any image slice position. */
        OFF_SLICE,
        /** Contour Image Sequence names an image that the image series does not have. */
        UNKNOWN_IMAGE
    }

    /** "number name" of the ROI, as messages name it. */
    public String roiLabel() {
        return roi.number() + " " + roi.name();
    }
}
