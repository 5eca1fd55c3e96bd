package org.consilium.dicom.charset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** ISO 2022 code extension decoding and encoding for multi-valued Specific Character Set (PS3.5 6.1.2.5). */
final class Iso2022 {

    private final List<CodeElement> elements;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    Iso2022(List<CodeElement> elements) {
        this.elements = elements;
        CodeElement first = elements.isEmpty() ? CodeElement.IR6 : elements.get(0);
        this.initialG0 = first.g1 ? CodeElement.IR6 : first;
        this.initialG1 = first.g1 ? first : null;
    }

    String decode(byte[] b, int offset, int length, boolean personName) {
        StringBuilder sb = new StringBuilder(length);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == 0x1B) {
                CodeElement e = CodeElement.ofEscape(b, i, end);
                if (e != null) {
                    if (e.g1) {
                        g1 = e;
                    } else {
                        g0 = e;
                    }
                    i += e.escape.length;
                    continue;
                }
            }
            CodeElement set = c < 0x80 ? g0 : g1;
            int run = runLength(b, i, end, c < 0x80, set, personName);
            if (run == 0) { // a delimiter: it ends the designations of this component
                sb.append((char) c);
                g0 = initialG0;
                g1 = initialG1;
                i++;
                continue;
            }
            decodeRun(sb, b, i, run, set);
            i += run;
        }
        return sb.toString();
    }

    /** Bytes from i that belong to one set and contain no delimiter or escape; 0 if b[i] is a delimiter. */
    private static int runLength(byte[] b, int i, int end, boolean low, CodeElement set, boolean pn) {
        int j = i;
        while (j < end) {
            int c = b[j] & 0xFF;
            if (c == 0x1B || (c < 0x80) != low) {
                break;
            }
            if (low && (set == null || set.bytesPerChar == 1) && isDelimiter(c, pn)) {
                break;
            }
            j++;
        }
        return j - i;
    }

    private static boolean isDelimiter(int c, boolean pn) {
        return c == '\\' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || pn && (c == '^' || c == '=');
    }

    private static void decodeRun(StringBuilder sb, byte[] b, int i, int len, CodeElement set) {
        if (set == null) {
            sb.append(new String(b, i, len, StandardCharsets.ISO_8859_1)); // G1 never designated: lenient
        } else if (set == CodeElement.IR87 || set == CodeElement.IR159) {
            int prefix = set == CodeElement.IR159 ? 1 : 0;
            byte[] euc = new byte[len / 2 * (2 + prefix)];
            for (int k = 0, o = 0; k + 1 < len; k += 2) {
                if (prefix == 1) {
                    euc[o++] = (byte) 0x8F;
                }
                euc[o++] = (byte) (b[i + k] | 0x80);
                euc[o++] = (byte) (b[i + k + 1] | 0x80);
            }
            sb.append(new String(euc, set.charset));
        } else {
            sb.append(new String(b, i, len, set.charset));
        }
    }

    byte[] encode(String s, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            if (cp < 0x80) {
                if (g0.bytesPerChar != 1) {
                    out.writeBytes(CodeElement.IR6.escape);
                    g0 = CodeElement.IR6;
                }
                out.write(cp);
                if (isDelimiter(cp, personName)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                continue;
            }
            CodeElement set = encodingSet(ch, g0, g1);
            if (set == null) {
                throw new IllegalArgumentException("\"" + s + "\" has '" + ch + "', which no code element of "
                        + elements + " can encode");
            }
            if (set.g1 ? set != g1 : set != g0) {
                out.writeBytes(set.escape);
                if (set.g1) {
                    g1 = set;
                } else {
                    g0 = set;
                }
            }
            out.writeBytes(encodeChar(ch, set));
        }
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escape);
        }
        return out.toByteArray();
    }

    /** The set already designated if it can encode ch, else the first of the Specific Character Set. */
    private CodeElement encodingSet(String ch, CodeElement g0, CodeElement g1) {
        if (g0 != null && canEncode(g0, ch)) {
            return g0;
        }
        if (g1 != null && canEncode(g1, ch)) {
            return g1;
        }
        for (CodeElement e : elements) {
            if (canEncode(e, ch)) {
                return e;
            }
        }
        return null;
    }

    private static boolean canEncode(CodeElement set, String ch) {
        if (set == CodeElement.IR6 || set == CodeElement.IR14 || !set.charset.newEncoder().canEncode(ch)) {
            return false;
        }
        byte[] b = ch.getBytes(set.charset);
        return switch (set) {
            case IR87 -> b.length == 2;
            case IR159 -> b.length == 3 && (b[0] & 0xFF) == 0x8F;
            case IR149, IR58 -> b.length == 2 && (b[0] & 0x80) != 0;
            default -> b.length == 1 && (b[0] & 0x80) != 0;
        };
    }

    private static byte[] encodeChar(String ch, CodeElement set) {
        byte[] b = ch.getBytes(set.charset);
        if (set == CodeElement.IR87 || set == CodeElement.IR159) {
            int from = b.length - 2;
            return new byte[] {(byte) (b[from] & 0x7F), (byte) (b[from + 1] & 0x7F)};
        }
        return b;
    }
}
