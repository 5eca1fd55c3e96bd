package org.consilium.dicom.charset;

import java.nio.charset.Charset;

/**
 * A character set that ISO 2022 code extension can designate (PS3.3 C.12.1.1.2, table C.12-3 and
 * C.12-4), with its escape sequence and the JDK charset that decodes it. Two-byte G0 sets are decoded
 * through EUC-JP by setting the high bit; two-byte G1 sets are already in EUC form.
 */
enum CodeElement {
    IR6("ISO 2022 IR 6", "\u001b(B", false, 1, "US-ASCII"),
    IR100("ISO 2022 IR 100", "\u001b-A", true, 1, "ISO-8859-1"),
    IR101("ISO 2022 IR 101", "\u001b-B", true, 1, "ISO-8859-2"),
    IR109("ISO 2022 IR 109", "\u001b-C", true, 1, "ISO-8859-3"),
    IR110("ISO 2022 IR 110", "\u001b-D", true, 1, "ISO-8859-4"),
    IR144("ISO 2022 IR 144", "\u001b-L", true, 1, "ISO-8859-5"),
    IR127("ISO 2022 IR 127", "\u001b-G", true, 1, "ISO-8859-6"),
    IR126("ISO 2022 IR 126", "\u001b-F", true, 1, "ISO-8859-7"),
    IR138("ISO 2022 IR 138", "\u001b-H", true, 1, "ISO-8859-8"),
    IR148("ISO 2022 IR 148", "\u001b-M", true, 1, "ISO-8859-9"),
    IR203("ISO 2022 IR 203", "\u001b-b", true, 1, "ISO-8859-15"),
    IR166("ISO 2022 IR 166", "\u001b-T", true, 1, "TIS-620"),
    /** JIS X 0201 katakana in G1; its romaji half (ESC ( J) is read as ASCII, as pydicom and dcmtk do. */
    IR13("ISO 2022 IR 13", "\u001b)I", true, 1, "JIS_X0201"),
    IR14("ISO 2022 IR 14", "\u001b(J", false, 1, "US-ASCII"),
    IR87("ISO 2022 IR 87", "\u001b$B", false, 2, "EUC-JP"),
    IR159("ISO 2022 IR 159", "\u001b$(D", false, 2, "EUC-JP"),
    IR149("ISO 2022 IR 149", "\u001b$)C", true, 2, "EUC-KR"),
    IR58("ISO 2022 IR 58", "\u001b$)A", true, 2, "GB2312");

    final String term;
    final byte[] escape;
    final boolean g1;
    final int bytesPerChar;
    final Charset charset;

    CodeElement(String term, String escape, boolean g1, int bytesPerChar, String charset) {
        this.term = term;
        this.escape = escape.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.g1 = g1;
        this.bytesPerChar = bytesPerChar;
        this.charset = Charset.forName(charset);
    }

    static CodeElement ofTerm(String term) {
        for (CodeElement e : values()) {
            if (e.term.equals(term)) {
                return e;
            }
        }
        return null;
    }

    /** The code element whose escape sequence starts at {@code b[i]}, or null. */
    static CodeElement ofEscape(byte[] b, int i, int end) {
        for (CodeElement e : values()) {
            if (i + e.escape.length <= end && java.util.Arrays.equals(b, i, i + e.escape.length, e.escape, 0, e.escape.length)) {
                return e;
            }
        }
        return null;
    }
}
