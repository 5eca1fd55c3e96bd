package org.consilium.dicom.data;

import java.util.Arrays;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Equality of data sets by content, not encoding: text compares decoded and trimmed (so padding,
 * character set and escape sequences do not matter), numbers compare by value bytes, sequences item by
 * item. A VR of UN matches any VR with the same value bytes, as happens between implicit and explicit VR.
 * Group lengths (gggg,0000) are left out: the writer recomputes them for the encoding it writes.
 */
final class AttributesEquality {

    private AttributesEquality() {}

    static boolean equal(Attributes a, Attributes b) {
        return firstDifference(a, b) == -1;
    }

    /** The first tag whose value differs, or -1. Group lengths (gggg,0000) are encoding, not content: skipped. */
    static int firstDifference(Attributes a, Attributes b) {
        int i = next(a, 0);
        int j = next(b, 0);
        while (i < a.size() || j < b.size()) {
            if (i >= a.size()) {
                return b.tagAt(j);
            }
            if (j >= b.size() || a.tagAt(i) != b.tagAt(j) || !valueEqual(a, i, b, j)) {
                return a.tagAt(i);
            }
            i = next(a, i + 1);
            j = next(b, j + 1);
        }
        return -1;
    }

    private static int next(Attributes a, int from) {
        int i = from;
        while (i < a.size() && Tag.isGroupLength(a.tagAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean valueEqual(Attributes a, int i, Attributes b, int j) {
        VR va = a.vrAt(i);
        VR vb = b.vrAt(j);
        Object x = a.valueAt(i);
        Object y = b.valueAt(j);
        if (x instanceof Sequence sx || y instanceof Sequence) {
            return x instanceof Sequence s1 && y instanceof Sequence s2 && s1.equals(s2);
        }
        if (x instanceof Fragments || x instanceof BulkData || y instanceof Fragments || y instanceof BulkData) {
            return x.equals(y);
        }
        if (va != vb && va != VR.UN && vb != VR.UN) {
            return false;
        }
        if (va.isText() && vb.isText()) {
            return Arrays.equals(a.stringsAt(i), b.stringsAt(j));
        }
        return paddedEqual(a.bytesAt(i), b.bytesAt(j));
    }

    /** Equal bytes, allowing one trailing pad byte (an odd length made even on write). */
    private static boolean paddedEqual(byte[] x, byte[] y) {
        if (x.length == y.length) {
            return Arrays.equals(x, y);
        }
        byte[] longer = x.length > y.length ? x : y;
        byte[] shorter = x.length > y.length ? y : x;
        return longer.length == shorter.length + 1 && (longer[shorter.length] == 0 || longer[shorter.length] == ' ')
                && Arrays.equals(longer, 0, shorter.length, shorter, 0, shorter.length);
    }

    /** A dcmdump-like listing, at most {@code maxLines} lines. */
    static String dump(Attributes a, String indent, int maxLines) {
        StringBuilder sb = new StringBuilder();
        dump(a, indent, sb, new int[] {maxLines});
        return sb.toString();
    }

    private static void dump(Attributes a, String indent, StringBuilder sb, int[] budget) {
        for (int i = 0; i < a.size() && budget[0] > 0; i++, budget[0]--) {
            int tag = a.tagAt(i);
            String keyword = ElementDictionary.keywordOf(tag);
            sb.append(indent).append(Tag.toString(tag)).append(' ').append(a.vrAt(i)).append(' ');
            Object v = a.valueAt(i);
            if (v instanceof Sequence seq) {
                sb.append(seq.size()).append(" item(s) ").append(keyword).append('\n');
                for (Attributes item : seq) {
                    dump(item, indent + "  ", sb, budget);
                }
                continue;
            }
            String text = v instanceof byte[] b && b.length > 64 ? "<" + b.length + " bytes>"
                    : v instanceof Fragments f ? "<" + f.size() + " items>"
                    : v instanceof BulkData bd ? "<bulk " + bd.length() + " bytes at " + bd.offset() + ">"
                    : "[" + String.join("\\", a.stringsAt(i)) + "]";
            sb.append(text).append(' ').append(keyword == null ? "" : keyword).append('\n');
        }
    }
}
