package org.consilium.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BinaryValues;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Writes data elements (PS3.5 7) in one transfer syntax: even lengths padded per VR, sequences and
 * items with the length style they were read or created with, binary values swapped for big endian.
 */
final class DatasetEncoder {

    private static final int UNDEFINED = 0xFFFFFFFF;

    private final DicomOutput out;
    private final boolean explicitVR;

    DatasetEncoder(DicomOutput out, boolean explicitVR) {
        this.out = out;
        this.explicitVR = explicitVR;
    }

    void write(Attributes attrs) throws IOException, DicomException {
        for (int i = 0; i < attrs.size(); i++) {
            writeElement(attrs, i);
        }
    }

    private void writeElement(Attributes attrs, int i) throws IOException, DicomException {
        int tag = attrs.tagAt(i);
        VR vr = attrs.vrAt(i);
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            writeHeader(tag, VR.SQ, seq.undefinedLength() ? UNDEFINED : (int) sequenceLength(seq));
            writeItems(seq);
        } else if (value instanceof Fragments fragments) {
            if (!explicitVR) {
                throw new DicomException("encapsulated pixel data needs an explicit VR transfer syntax", tag,
                        DicomException.NO_OFFSET);
            }
            writeHeader(tag, vr, UNDEFINED);
            writeFragments(fragments, tag);
        } else if (value instanceof BulkData bulk) {
            writeHeader(tag, vr, (int) even(bulk.length()));
            copyBulk(bulk, vr, tag);
        } else {
            byte[] bytes = Tag.isGroupLength(tag) && vr == VR.UL ? groupLength(attrs, i) : bytes(attrs, i);
            writeHeader(tag, vr, (int) even(bytes.length));
            writeValue(bytes, vr);
        }
    }

    /**
     * A group length (gggg,0000) is recomputed for the encoding being written, so it stays true after the
     * data set changed or changed transfer syntax (PS3.5 7.2: the bytes after it up to the end of the group).
     */
    private byte[] groupLength(Attributes attrs, int i) throws DicomException {
        int group = attrs.tagAt(i) >>> 16;
        long length = 0;
        for (int k = i + 1; k < attrs.size() && attrs.tagAt(k) >>> 16 == group; k++) {
            length += elementLength(attrs, k);
        }
        return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)};
    }

    private void writeItems(Sequence seq) throws IOException, DicomException {
        for (Attributes item : seq) {
            out.writeTag(Tag.Item);
            out.writeInt(item.undefinedItemLength() ? UNDEFINED : (int) datasetLength(item));
            write(item);
            if (item.undefinedItemLength()) {
                out.writeTag(Tag.ItemDelimitationItem);
                out.writeInt(0);
            }
        }
        if (seq.undefinedLength()) {
            out.writeTag(Tag.SequenceDelimitationItem);
            out.writeInt(0);
        }
    }

    private void writeFragments(Fragments fragments, int tag) throws IOException, DicomException {
        for (int k = 0; k < fragments.size(); k++) {
            Object f = fragments.get(k);
            out.writeTag(Tag.Item);
            if (f instanceof byte[] b) {
                out.writeInt((int) even(b.length));
                writeValue(b, VR.OB);
            } else {
                BulkData bulk = (BulkData) f;
                out.writeInt((int) even(bulk.length()));
                copyBulk(bulk, VR.OB, tag);
            }
        }
        out.writeTag(Tag.SequenceDelimitationItem);
        out.writeInt(0);
    }

    private void writeHeader(int tag, VR vr, int length) throws IOException, DicomException {
        out.writeTag(tag);
        if (!explicitVR) {
            out.writeInt(length);
            return;
        }
        VR written = vr;
        if (!vr.hasLongExplicitHeader() && (length & 0xFFFFFFFFL) > 0xFFFF) {
            // PS3.5 6.2.2 note: a value too long for a 16-bit length is sent as UN
            written = VR.UN;
        }
        out.writeVR(written.code());
        if (written.hasLongExplicitHeader()) {
            out.writeShort(0);
            out.writeInt(length);
        } else {
            out.writeShort(length);
        }
    }

    private void writeValue(byte[] bytes, VR vr) throws IOException {
        if (out.bigEndian() && vr.isBinary() && vr.unitSize() > 1) {
            byte[] swapped = bytes.clone();
            BinaryValues.swap(vr, swapped, 0, swapped.length);
            out.write(swapped, 0, swapped.length);
        } else {
            out.write(bytes, 0, bytes.length);
        }
        if ((bytes.length & 1) != 0) {
            out.write(vr.paddingByte());
        }
    }

    private void copyBulk(BulkData bulk, VR vr, int tag) throws IOException, DicomException {
        boolean swap = bulk.bigEndian() != out.bigEndian() && vr.isBinary() && vr.unitSize() > 1;
        byte[] chunk = new byte[1 << 16];
        long left = bulk.length();
        try (InputStream in = bulk.openStream()) {
            while (left > 0) {
                int n = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
                if (n <= 0) {
                    throw new DicomException("bulk data file " + bulk.file() + " shorter than recorded", tag,
                            bulk.offset() + bulk.length() - left);
                }
                if (swap) {
                    BinaryValues.swap(vr, chunk, 0, n); // chunk size is a multiple of every unit size
                }
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        if ((bulk.length() & 1) != 0) {
            out.write(vr.paddingByte());
        }
    }

    private static byte[] bytes(Attributes attrs, int i) throws DicomException {
        try {
            byte[] b = attrs.bytesAt(i);
            return b == null ? new byte[0] : b;
        } catch (IllegalArgumentException e) {
            throw new DicomException(e.getMessage(), attrs.tagAt(i), DicomException.NO_OFFSET, e);
        }
    }

    // ---- lengths, for sequences and items written with defined length ----

    long datasetLength(Attributes attrs) throws DicomException {
        long total = 0;
        for (int i = 0; i < attrs.size(); i++) {
            total += elementLength(attrs, i);
        }
        return total;
    }

    private long elementLength(Attributes attrs, int i) throws DicomException {
        Object value = attrs.valueAt(i);
        VR vr = attrs.vrAt(i);
        long valueLength;
        if (value instanceof Sequence seq) {
            vr = VR.SQ;
            valueLength = sequenceLength(seq) + (seq.undefinedLength() ? 8 : 0);
        } else if (value instanceof Fragments f) {
            valueLength = 8;
            for (int k = 0; k < f.size(); k++) {
                valueLength += 8 + even(f.get(k) instanceof byte[] b ? b.length : ((BulkData) f.get(k)).length());
            }
        } else if (value instanceof BulkData bulk) {
            valueLength = even(bulk.length());
        } else {
            valueLength = even(bytes(attrs, i).length);
        }
        int header = explicitVR ? (vr.hasLongExplicitHeader() || valueLength > 0xFFFF ? 12 : 8) : 8;
        return header + valueLength;
    }

    /** Length of the items, without the Sequence Delimitation Item. */
    private long sequenceLength(Sequence seq) throws DicomException {
        long total = 0;
        for (Attributes item : seq) {
            total += 8 + datasetLength(item) + (item.undefinedItemLength() ? 8 : 0);
        }
        return total;
    }

    private static long even(long n) {
        return n + (n & 1);
    }
}
