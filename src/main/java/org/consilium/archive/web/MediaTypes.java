package org.consilium.archive.web;

import java.util.Locale;

/** DICOMweb media types (PS3.18 8.7) and multipart parameters. */
final class MediaTypes {

    static final String DICOM = "application/dicom";
    static final String DICOM_JSON = "application/dicom+json";
    static final String MULTIPART_RELATED = "multipart/related";
    static final String OCTET_STREAM = "application/octet-stream";

    private MediaTypes() {
    }

    /** A parameter of a Content-Type or Accept value, unquoted; null when absent. */
    static String parameter(String mediaType, String name) {
        if (mediaType == null) {
            return null;
        }
        for (String part : mediaType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
                String v = part.substring(eq + 1).trim();
                return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    static String base(String mediaType) {
        return mediaType == null ? "" : mediaType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
