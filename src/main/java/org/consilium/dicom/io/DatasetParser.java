package org.consilium.dicom.io;

import java.io.IOException;
import java.nio.file.Path;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BinaryValues;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/** Reads data elements into {@link Attributes} (PS3.5 7): the element loop of {@link DicomReader}. */
final class DatasetParser {

    static final int UNDEFINED = -1;
    /** Deeper nesting than this is an attack or corruption, not a data set. */
    private static final int MAX_DEPTH = 64;

    private final DicomInput in;
    private final DicomReader.Options options;
    private final Path file; // for BulkData; null when the stream is not a plain file
    private boolean explicitVR;
    private boolean stopped;

    DatasetParser(DicomInput in, DicomReader.Options options, Path file, boolean explicitVR) {
        this.in = in;
        this.options = options;
        this.file = file;
        this.explicitVR = explicitVR;
    }

    /** True if reading stopped at Pixel Data. */
    boolean stoppedBeforePixelData() {
        return stopped;
    }

    /**
     * Reads elements until {@code end} (a stream position), an Item Delimitation Item when {@code end} is
     * {@link #UNDEFINED} inside an item, or the end of the stream at the top level.
     */
    void readElements(Attributes target, long end, int depth) throws IOException, DicomException {
        while (end == UNDEFINED || in.position() < end) {
            if (depth == 0 && end == UNDEFINED && atEndOfDataSet()) {
                return;
            }
            if (depth == 0 && end == UNDEFINED && skippedZeroPadding()) {
                continue;
            }
            long start = in.position();
            int tag = in.readTag(DicomException.NO_TAG);
            if (tag == Tag.ItemDelimitationItem || tag == Tag.SequenceDelimitationItem) {
                in.readInt(tag); // length, 0 by rule, ignored: lenient
                if (depth > 0) {
                    return;
                }
                continue; // a stray delimiter at the top level: skip it as dcmtk does
            }
            if (tag == Tag.Item) {
                throw new MalformedDicomException("item outside a sequence", tag, start);
            }
            if (depth == 0 && options.stopBeforePixelData() && isPixelData(tag)) {
                stopped = true;
                return;
            }
            readElement(target, tag, start, depth);
        }
        if (in.position() > end) {
            throw new MalformedDicomException("element overruns its item by " + (in.position() - end) + " bytes",
                    target.size() == 0 ? DicomException.NO_TAG : target.tagAt(target.size() - 1), end);
        }
    }

    /** Reads the next element, which the caller has checked is there (File Meta Information). */
    void readOneElement(Attributes target) throws IOException, DicomException {
        long start = in.position();
        readElement(target, in.readTag(DicomException.NO_TAG), start, 0);
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData;
    }

    /** End of stream, or only zero padding left (some writers pad files to a block size). */
    private boolean atEndOfDataSet() throws IOException, DicomException {
        if (in.ensure(8)) {
            return false;
        }
        for (int i = 0; i < in.available(); i++) {
            if (in.peek(i) != 0) {
                return false;
            }
        }
        in.skip(in.available(), DicomException.NO_TAG);
        return true;
    }

    /**
     * Eight zero bytes where a top-level element should start: tag (0000,0000), which no data set holds, with
     * an empty value. Writers that pad files to a block size leave these; dcmtk reads past them, so do we.
     */
    private boolean skippedZeroPadding() throws IOException, DicomException {
        for (int i = 0; i < 8; i++) {
            if (in.peek(i) != 0) {
                return false;
            }
        }
        in.skip(8, DicomException.NO_TAG);
        return true;
    }

    private void readElement(Attributes target, int tag, long start, int depth) throws IOException, DicomException {
        VR vr;
        long length;
        if (explicitVR) {
            int code = in.readUShort(tag);
            code = in.bigEndian() ? code : Integer.reverseBytes(code) >>> 16; // VR bytes are characters
            vr = VR.of(code);
            if (vr == null) {
                throw new MalformedDicomException(String.format("unknown VR %c%c", code >> 8, code & 0xFF), tag, start);
            }
            if (vr.hasLongExplicitHeader()) {
                in.readUShort(tag);
                length = in.readInt(tag) & 0xFFFFFFFFL;
            } else {
                length = in.readUShort(tag);
            }
        } else {
            vr = implicitVR(target, tag);
            length = in.readInt(tag) & 0xFFFFFFFFL;
        }
        boolean undefined = length == 0xFFFFFFFFL;
        if (vr == VR.SQ || undefined && (vr == VR.UN || !explicitVR && !isPixelData(tag))) {
            readSequence(target, tag, vr == VR.UN ? VR.UN : VR.SQ, undefined ? UNDEFINED : length, depth);
        } else if (undefined && isPixelData(tag)) {
            readFragments(target.setValue(tag, vr, new Fragments()).getFragments(tag), tag);
        } else if (undefined) {
            throw new MalformedDicomException("undefined length on " + vr, tag, start);
        } else {
            target.setValue(tag, vr, readValue(tag, vr, length));
        }
    }

    /** PS3.5 A.1: VR from the dictionary; US or SS by Pixel Representation; OW for pixel data. */
    private static VR implicitVR(Attributes target, int tag) {
        ElementDictionary.Entry e = ElementDictionary.entryOf(tag);
        if (e == null) {
            return VR.UN;
        }
        if (e.vrs().size() > 1 && e.vrs().contains(VR.SS) && signedPixels(target)) {
            return VR.SS;
        }
        if (e.vrs().contains(VR.OW)) {
            return VR.OW;
        }
        return e.vr();
    }

    private static boolean signedPixels(Attributes target) {
        return target.getValue(Tag.PixelRepresentation) instanceof byte[] b && b.length >= 2 && b[0] == 1 && b[1] == 0;
    }

    private Object readValue(int tag, VR vr, long length) throws IOException, DicomException {
        if (length > options.bulkDataThreshold() && file != null) {
            BulkData bulk = new BulkData(file, in.position(), length, in.bigEndian());
            in.skip(length, tag);
            return bulk;
        }
        byte[] value = in.readBytes(length, tag);
        if (in.bigEndian() && vr.isBinary() && vr.unitSize() > 1) {
            BinaryValues.swap(vr, value, 0, value.length);
        }
        return value;
    }

    private void readSequence(Attributes target, int tag, VR vr, long length, int depth)
            throws IOException, DicomException {
        if (depth >= MAX_DEPTH) {
            throw new MalformedDicomException("sequences nested deeper than " + MAX_DEPTH, tag, in.position());
        }
        checkLength(length, tag);
        long end = length == UNDEFINED ? UNDEFINED : in.position() + length;
        Sequence seq = target.newSequence(tag, vr, 2);
        seq.setUndefinedLength(length == UNDEFINED);
        boolean wasExplicit = explicitVR;
        boolean wasBigEndian = in.bigEndian();
        if (vr == VR.UN) { // CP-246: UN of undefined length holds implicit VR little endian items
            explicitVR = false;
            in.bigEndian(false);
        }
        try {
            while (end == UNDEFINED || in.position() < end) {
                long start = in.position();
                int itemTag = in.readTag(tag);
                long itemLength = in.readInt(tag) & 0xFFFFFFFFL;
                if (itemTag == Tag.SequenceDelimitationItem) {
                    break;
                }
                if (itemTag != Tag.Item) {
                    throw new MalformedDicomException("expected an item, found " + Tag.toString(itemTag), tag, start);
                }
                boolean undefinedItem = itemLength == 0xFFFFFFFFL;
                long itemEnd = undefinedItem ? UNDEFINED : in.position() + itemLength;
                if (!undefinedItem) {
                    checkLength(itemLength, tag);
                    if (end != UNDEFINED && itemEnd > end) {
                        throw new MalformedDicomException("item longer than its sequence", tag, start);
                    }
                }
                Attributes item = seq.addItem();
                item.setUndefinedItemLength(undefinedItem);
                readElements(item, itemEnd, depth + 1);
            }
        } finally {
            explicitVR = wasExplicit;
            in.bigEndian(wasBigEndian);
        }
    }

    /** PS3.5 A.4: items of defined length, the first being the Basic Offset Table, then a delimiter. */
    private void readFragments(Fragments fragments, int tag) throws IOException, DicomException {
        while (true) {
            long start = in.position();
            int itemTag = in.readTag(tag);
            long length = in.readInt(tag) & 0xFFFFFFFFL;
            if (itemTag == Tag.SequenceDelimitationItem) {
                return;
            }
            if (itemTag != Tag.Item || length == 0xFFFFFFFFL) {
                throw new MalformedDicomException("bad fragment item " + Tag.toString(itemTag), tag, start);
            }
            Object value = readValue(tag, VR.OB, length);
            if (value instanceof BulkData b) {
                fragments.add(b);
            } else {
                fragments.add((byte[]) value);
            }
        }
    }

    private void checkLength(long length, int tag) throws DicomException {
        if (length != UNDEFINED && length > in.remaining()) {
            throw new org.consilium.dicom.TruncatedDicomException("length " + length + " exceeds the "
                    + in.remaining() + " bytes left", tag, in.position());
        }
    }
}
