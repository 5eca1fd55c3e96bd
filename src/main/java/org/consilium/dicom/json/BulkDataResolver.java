package org.consilium.dicom.json;

import java.io.IOException;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.dict.VR;

/** Turns a BulkDataURI read from DICOM JSON into the value to store: a {@code byte[]} or a {@code BulkData}. */
@FunctionalInterface
public interface BulkDataResolver {

    /** Refuses every BulkDataURI: the default, where the JSON is expected to be self-contained. */
    BulkDataResolver REFUSE = (tag, vr, uri) -> {
        throw new DicomException("BulkDataURI " + uri + " given but no bulk data resolver", tag,
            DicomException.NO_OFFSET);
    };

    /** Leaves out every attribute given by BulkDataURI: for query answers, which never carry bulk data. */
    BulkDataResolver OMIT = (tag, vr, uri) -> null;

    /** The value for the attribute, or null to leave the attribute out. */
    Object resolve(int tag, VR vr, String uri) throws IOException, DicomException;
}
