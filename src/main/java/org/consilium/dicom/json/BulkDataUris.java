package org.consilium.dicom.json;

/**
 * Makes the BulkDataURI (PS3.18 F.2.6) of a large binary value, for example a WADO-RS bulk data URL of
 * Pixel Data, so that DICOM JSON carries a link instead of the bytes.
 */
@FunctionalInterface
public interface BulkDataUris {

    /** The URI for the value, or null to write it inline (not possible for encapsulated pixel data). */
    String uriFor(BulkDataElement element);
}
