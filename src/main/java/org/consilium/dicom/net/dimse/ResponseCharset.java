package org.consilium.dicom.net.dimse;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * The character set of C-FIND responses (PS3.4 C.4.1.1.3.2): the one the identifier named, else
 * ISO_IR 192, so that Chinese names survive whatever the stored instance used (GB18030, ISO 2022...). A
 * match that the requested repertoire cannot hold is sent in ISO_IR 192 instead.
 */
final class ResponseCharset {

    static final String UTF8 = "ISO_IR 192";

    private ResponseCharset() {}

    static Attributes recode(Attributes match, String[] requested) {
        if (requested.length > 0) {
            Attributes out = recodeTo(match, requested);
            if (encodable(out)) {
                return out;
            }
        }
        return recodeTo(match, new String[] {UTF8});
    }

    private static Attributes recodeTo(Attributes match, String[] terms) {
        Attributes out = new Attributes(match.size() + 1);
        out.setString(Tag.SpecificCharacterSet, VR.CS, terms);
        copyDecoded(match, out);
        return out;
    }

    /** Copies the elements, text that depends on the character set as decoded strings. */
    private static void copyDecoded(Attributes from, Attributes to) {
        for (int i = 0; i < from.size(); i++) {
            int tag = from.tagAt(i);
            VR vr = from.vrAt(i);
            Object value = from.valueAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (value instanceof Sequence seq) {
                Sequence copy = to.newSequence(tag);
                for (Attributes item : seq) {
                    copyDecoded(item, copy.addItem());
                }
            } else if (vr.usesSpecificCharacterSet() && value instanceof byte[]) {
                to.setValue(tag, vr, from.stringsAt(i));
            } else {
                to.setValue(tag, vr, value);
            }
        }
    }

    private static boolean encodable(Attributes a) {
        try {
            for (int i = 0; i < a.size(); i++) {
                if (a.valueAt(i) instanceof Sequence seq) {
                    for (Attributes item : seq) {
                        if (!encodable(item)) {
                            return false;
                        }
                    }
                } else {
                    a.bytesAt(i);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
