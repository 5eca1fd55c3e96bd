package org.consilium.dicom.deid;

/**
 * The new patient identity the caller gives: Patient ID (LO) and Patient's Name (PN). Printable ASCII only,
 * so that it encodes in any Specific Character Set the data set already declares.
 */
public record Pseudonym(String patientId, String patientName) {

    public Pseudonym {
        check("patient ID", patientId, 64);
        check("patient name", patientName, 64);
    }

    private static void check(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("pseudonym " + what + " is missing");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException("pseudonym " + what + " is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("pseudonym " + what + " must be printable ASCII without a backslash");
            }
        }
    }
}
