package org.consilium.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character repertoire named by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 6.1.
 * Decodes and encodes the values of SH, LO, ST, LT, UC, UT and PN.
 *
 * <p>Decisions, explained in docs/dicom-toolkit.md:
 * <ul>
 * <li>No Specific Character Set: bytes above 7F are read as ISO 8859-1 (lenient; the default repertoire
 *     has none), written only if the text is ASCII.</li>
 * <li>"GB18030" uses the JDK's GB18030 charset, whose mapping is {@link #GB18030_MAPPING}; "GBK", which
 *     Chinese modalities write when they mean GB18030, is read and written as GB18030 (a superset).</li>
 * <li>Terms are matched leniently ("ISO_IR100", "ISO-IR 100", "iso_ir 192"); an unknown term falls back
 *     to ISO 8859-1 on read, so nothing is lost, and is rejected on write.</li>
 * </ul>
 */
public final class SpecificCharacterSet {

    /** The default repertoire (no Specific Character Set). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], null, null);

    /** "2022" or "2000": which GB18030 table the running JDK uses (JDK 21+: 2022 unless jdk.charset.GB18030=2000). */
    public static final String GB18030_MAPPING = probeGb18030();

    private static final Pattern ISO_IR = Pattern.compile("ISO[ _-]?IR[ _-]?(\\d+)");
    private static final Pattern ISO_2022 = Pattern.compile("ISO[ _-]?2022[ _-]?IR[ _-]?(\\d+)");

    private final String[] terms;
    /** Charset for a single-valued, non-ISO-2022 term; null when {@link #iso2022} applies or for DEFAULT. */
    private final Charset charset;
    private final Iso2022 iso2022;

    private SpecificCharacterSet(String[] terms, Charset charset, Iso2022 iso2022) {
        this.terms = terms;
        this.charset = charset;
        this.iso2022 = iso2022;
    }

    /** Parses the values of (0008,0005); null or empty values mean the default repertoire. */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0 || values.length == 1 && (values[0] == null || values[0].isBlank())) {
            return DEFAULT;
        }
        String[] terms = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            terms[i] = normalize(values[i]);
        }
        boolean extensions = values.length > 1;
        for (String t : terms) {
            extensions |= t.startsWith("ISO 2022");
        }
        if (!extensions) {
            return new SpecificCharacterSet(terms, charsetOf(terms[0]), null);
        }
        List<CodeElement> elements = new ArrayList<>();
        for (String t : terms) {
            CodeElement e = CodeElement.ofTerm(t.isEmpty() ? "ISO 2022 IR 6" : t.replace("ISO_IR", "ISO 2022 IR"));
            if (e != null) {
                elements.add(e);
            }
        }
        return new SpecificCharacterSet(terms, null, new Iso2022(elements));
    }

    /** The normalized defined terms, for example ["", "ISO 2022 IR 87"]. */
    public String[] terms() {
        return terms.clone();
    }

    public boolean usesCodeExtensions() {
        return iso2022 != null;
    }

    public String decode(byte[] b) {
        return decode(b, 0, b.length, false);
    }

    /**
     * Decodes one value field. With ISO 2022 the designations reset at each delimiter (PS3.5 6.1.2.5.3):
     * backslash and control characters always, and for PN also '^' and '='.
     */
    public String decode(byte[] b, int offset, int length, boolean personName) {
        if (iso2022 != null) {
            return iso2022.decode(b, offset, length, personName);
        }
        return new String(b, offset, length, charset != null ? charset : StandardCharsets.ISO_8859_1);
    }

    /** Encodes text; throws IllegalArgumentException when a character is outside the repertoire. */
    public byte[] encode(String s, boolean personName) {
        if (iso2022 != null) {
            return iso2022.encode(s, personName);
        }
        Charset cs = charset != null ? charset : StandardCharsets.US_ASCII;
        CharsetEncoder encoder = cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("\"" + s + "\" cannot be encoded in Specific Character Set "
                    + String.join("\\", terms), e);
        }
    }

    private static boolean numbered(String t, String prefix) {
        if (!t.startsWith(prefix) || t.length() == prefix.length()) {
            return false;
        }
        for (int i = prefix.length(); i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Uppercases and repairs the common misspellings of defined terms seen in the wild. */
    static String normalize(String term) {
        String t = term == null ? "" : term.trim().toUpperCase(Locale.ROOT);
        if (numbered(t, "ISO_IR ") || numbered(t, "ISO 2022 IR ")) {
            return t; // already a defined term, as nearly every data set writes it
        }
        Matcher m = ISO_2022.matcher(t);
        if (m.matches()) {
            return "ISO 2022 IR " + m.group(1);
        }
        m = ISO_IR.matcher(t);
        if (m.matches()) {
            return "ISO_IR " + m.group(1);
        }
        return t;
    }

    private static Charset charsetOf(String term) {
        return switch (term) {
            case "ISO_IR 6", "" -> StandardCharsets.US_ASCII;
            case "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
            case "ISO_IR 101" -> Charset.forName("ISO-8859-2");
            case "ISO_IR 109" -> Charset.forName("ISO-8859-3");
            case "ISO_IR 110" -> Charset.forName("ISO-8859-4");
            case "ISO_IR 144" -> Charset.forName("ISO-8859-5");
            case "ISO_IR 127" -> Charset.forName("ISO-8859-6");
            case "ISO_IR 126" -> Charset.forName("ISO-8859-7");
            case "ISO_IR 138" -> Charset.forName("ISO-8859-8");
            case "ISO_IR 148" -> Charset.forName("ISO-8859-9");
            case "ISO_IR 203" -> Charset.forName("ISO-8859-15");
            case "ISO_IR 166" -> Charset.forName("TIS-620");
            case "ISO_IR 13" -> Charset.forName("Shift_JIS");
            case "ISO_IR 192", "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GB18030", "GBK", "GB2312" -> Charset.forName("GB18030");
            default -> null; // unknown: read as ISO 8859-1, refuse to write
        };
    }

    /** GB18030-2022 moved A6D9 from the private use area to U+FE10; 2000/2005 tables keep it at U+E78D. */
    private static String probeGb18030() {
        String s = new String(new byte[] {(byte) 0xA6, (byte) 0xD9}, Charset.forName("GB18030"));
        return s.codePointAt(0) == 0xFE10 ? "2022" : "2000";
    }

    @Override
    public String toString() {
        return String.join("\\", terms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && java.util.Arrays.equals(terms, other.terms);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(terms);
    }
}
