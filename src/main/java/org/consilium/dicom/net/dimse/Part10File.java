package org.consilium.dicom.net.dimse;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.dict.Tag;

/**
 * Where the data set of a Part 10 file starts (PS3.10 7.1), and the UIDs of its File Meta, so that it can be
 * sent over DIMSE straight from the file without being parsed or loaded.
 *
 * <pre>{@code
 * Part10File f = Part10File.read(path);
 * try (InputStream in = f.openDataSet()) {
 *     association.cstore(f.sopClassUid(), f.sopInstanceUid(), f.transferSyntaxUid(), in);
 * }
 * }</pre>
 */
public record Part10File(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
        long dataSetOffset) {

    private static final int MAX_META_VALUE = 1 << 16;

    public static Part10File read(Path file) throws IOException, DicomException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
            byte[] preamble = new byte[132];
            in.readFully(preamble);
            if (preamble[128] != 'D' || preamble[129] != 'I' || preamble[130] != 'C' || preamble[131] != 'M') {
                throw new MalformedDicomException(file + " is not a Part 10 file (no DICM)", DicomException.NO_TAG, 128);
            }
            long pos = 132;
            String sopClass = null;
            String sopInstance = null;
            String ts = null;
            while (true) {
                in.mark(8);
                byte[] h = new byte[8];
                try {
                    in.readFully(h);
                } catch (EOFException e) {
                    break; // File Meta only
                }
                int tag = (h[0] & 0xFF | (h[1] & 0xFF) << 8) << 16 | (h[2] & 0xFF | (h[3] & 0xFF) << 8);
                if (Tag.group(tag) != 0x0002) {
                    break;
                }
                String vr = new String(h, 4, 2, StandardCharsets.US_ASCII);
                long length = (h[6] & 0xFF) | (h[7] & 0xFF) << 8;
                int header = 8;
                if (vr.matches("OB|OW|OF|OD|OL|OV|SQ|SV|UC|UN|UR|UT|UV")) {
                    length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
                    header = 12;
                }
                if (length > MAX_META_VALUE) {
                    throw new MalformedDicomException("File Meta value of " + length + " bytes", tag, pos);
                }
                byte[] value = new byte[(int) length];
                in.readFully(value);
                String text = new String(value, StandardCharsets.US_ASCII).replaceAll("[\\s\\x00]+$", "");
                switch (tag) {
                    case Tag.MediaStorageSOPClassUID -> sopClass = text;
                    case Tag.MediaStorageSOPInstanceUID -> sopInstance = text;
                    case Tag.TransferSyntaxUID -> ts = text;
                    default -> { }
                }
                pos += header + length;
            }
            if (sopClass == null || sopInstance == null || ts == null) {
                throw new MalformedDicomException(file + ": File Meta lacks SOP Class, Instance or Transfer Syntax UID",
                        DicomException.NO_TAG, pos);
            }
            return new Part10File(file, sopClass, sopInstance, ts, pos);
        }
    }

    /** A stream of the data set, in {@link #transferSyntaxUid()}, positioned after File Meta. */
    public InputStream openDataSet() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(dataSetOffset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }
}
