package org.consilium.dicom.json;

import org.consilium.dicom.dict.VR;

/**
 * A value the JSON writer offers to a {@link BulkDataUris} callback.
 *
 * @param path  where the element sits: for each enclosing sequence its tag and the item index, then the
 *              element's own tag; {@code {0x7FE00010}} for top-level Pixel Data
 * @param vr    the element's VR
 * @param value a {@code byte[]} (little endian), a {@link org.consilium.dicom.data.BulkData} left in its file,
 *              or {@link org.consilium.dicom.data.Fragments} of encapsulated pixel data
 */
public record BulkDataElement(int[] path, VR vr, Object value) {

    /** The element's own tag. */
    public int tag() {
        return path[path.length - 1];
    }

    /** True for a top-level element, outside any sequence. */
    public boolean topLevel() {
        return path.length == 1;
    }
}
