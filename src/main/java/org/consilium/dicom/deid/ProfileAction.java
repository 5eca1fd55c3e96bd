package org.consilium.dicom.deid;

/**
 * The action codes of PS3.15 Table E.1-1. The composite codes (X/Z, X/D, ...) leave the choice to the
 * de-identifier "to maintain IOD conformance"; not knowing each attribute's type in each IOD, we take the
 * choice that never breaks conformance (Z for X/Z, D for X/D, X/Z/D and Z/D, U for X/Z/U*).
 */
public enum ProfileAction {
    /** Remove. */
    X,
    /** Replace with a zero-length value. */
    Z,
    /** Replace with a non-zero-length dummy value consistent with the VR. */
    D,
    /** Keep (sequences are still walked). */
    K,
    /** Clean: replace with values of similar meaning that do not identify. */
    C,
    /** Replace with a UID that is consistent within the set of instances. */
    U;

    /** The action a table code comes to here, for example {@code X/Z/D} to D. */
    public static ProfileAction resolve(String code) {
        return switch (code) {
            case "X" -> X;
            case "Z", "X/Z" -> Z;
            case "D", "X/D", "X/Z/D", "Z/D" -> D;
            case "K" -> K;
            case "C" -> C;
            case "U", "X/Z/U", "X/Z/U*" -> U;
            default -> throw new IllegalArgumentException("unknown profile action " + code);
        };
    }
}
