package org.consilium.archive.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import org.consilium.dicom.json.BulkDataUris;

/**
 * The URLs of DICOMweb resources as they appear inside responses (RetrieveURL, BulkDataURI). They are
 * path-absolute ({@code /dicomweb/...}) so that stored metadata stays valid whatever host name the
 * client used; clients resolve them against the URL they called.
 */
@ApplicationScoped
public class DicomWebLinks {

    private static final HexFormat TAG_HEX = HexFormat.of().withUpperCase();

    public static final String ROOT = "/dicomweb";

    public String study(String studyUid) {
        return ROOT + "/studies/" + studyUid;
    }

    public String series(String studyUid, String seriesUid) {
        return study(studyUid) + "/series/" + seriesUid;
    }

    public String instance(String studyUid, String seriesUid, String sopInstanceUid) {
        return series(studyUid, seriesUid) + "/instances/" + sopInstanceUid;
    }

    /** Top-level large values of an instance get a bulk data URL; nested ones are written inline. */
    public BulkDataUris bulkDataUris(String studyUid, String seriesUid, String sopInstanceUid) {
        String base = instance(studyUid, seriesUid, sopInstanceUid) + "/bulk/";
        return element -> element.topLevel() ? base + TAG_HEX.toHexDigits(element.tag()) : null;
    }
}
