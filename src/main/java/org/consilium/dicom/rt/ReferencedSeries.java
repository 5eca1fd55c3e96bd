package org.consilium.dicom.rt;

import java.util.List;

/**
 * The image series a structure set was drawn on, as the Referenced Frame of Reference Sequence names it:
 * RT Referenced Study → RT Referenced Series → Contour Image Sequence (PS3.3 C.8.8.5).
 *
 * @param studyInstanceUid  the referenced study
 * @param seriesInstanceUid the referenced series
 * @param images            the images of the series, possibly empty
 */
public record ReferencedSeries(String studyInstanceUid, String seriesInstanceUid, List<SopRef> images) {

    public ReferencedSeries {
        images = List.copyOf(images);
    }
}
