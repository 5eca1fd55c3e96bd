package org.consilium.dicom.data;

import org.consilium.dicom.dict.VR;

/** One element of an {@link Attributes} during iteration; {@code value} as {@link Attributes#valueAt} gives it. */
public record DataElement(int tag, VR vr, Object value) {}
