package org.consilium.dicom.rt;

import java.util.List;

/**
 * The content of an RT Structure Set (PS3.3 C.8.8.5–C.8.8.8): labels, the frame of reference and image
 * series it refers to, and its ROIs with their contours. Independent of any one SOP instance: reading gives
 * one, and {@link StructureSetWriter} makes a new instance from one.
 *
 * @param label               Structure Set Label
 * @param name                Structure Set Name, or ""
 * @param description         Structure Set Description, or ""
 * @param frameOfReferenceUid the frame of reference the contours are in
 * @param referencedSeries    the image series the contours were drawn on, or null if the object names none
 * @param rois                the ROIs in Structure Set ROI Sequence order
 */
public record StructureSet(String label, String name, String description, String frameOfReferenceUid,
                           ReferencedSeries referencedSeries, List<Roi> rois) {

    public StructureSet {
        rois = List.copyOf(rois);
    }

    /** The ROI with this name (ROI names are compared exactly), or null. */
    public Roi roi(String roiName) {
        return rois.stream().filter(r -> r.name().equals(roiName)).findFirst().orElse(null);
    }

    /** A copy with other ROIs, for a revision. */
    public StructureSet withRois(List<Roi> newRois) {
        return new StructureSet(label, name, description, frameOfReferenceUid, referencedSeries, newRois);
    }

    /** A copy with another label and description, for a revision. */
    public StructureSet withLabel(String newLabel, String newDescription) {
        return new StructureSet(newLabel, name, newDescription, frameOfReferenceUid, referencedSeries, rois);
    }
}
