package org.consilium.dicom;

/** Who we are in File Meta Information (PS3.10 7.1) and A-ASSOCIATE (PS3.7 D.3.3.2). */
public final class Implementation {

    /**
     * The project's one UID root; every UID we generate lies below it.
     * Placeholder under the Medical Connections free-root arc: register our own before production.
     */
    public static final String ROOT_UID = "1.2.826.0.1.3680043.10.1453";

    /** Implementation Class UID (0002,0012). */
    public static final String CLASS_UID = ROOT_UID + ".1.1";

    /** Implementation Version Name (0002,0013): at most 16 characters of the SH repertoire. */
    public static final String VERSION_NAME = "CONSILIUM_01";

    private Implementation() {}
}
