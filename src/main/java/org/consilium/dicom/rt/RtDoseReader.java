package org.consilium.dicom.rt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;

/**
 * Reads the dose grid of an RT Dose data set (PS3.3 C.8.8.3): Image Plane geometry, the Grid Frame Offset
 * Vector, native 16- or 32-bit Pixel Data (signed or unsigned) and Dose Grid Scaling, giving a
 * {@link DoseGrid} in Dose Units.
 */
public final class RtDoseReader {

    private RtDoseReader() {}

    public static DoseGrid read(Attributes ds) throws DicomException {
        String sopClass = ds.getString(Tag.SOPClassUID, "");
        if (!sopClass.equals(UID.RTDoseStorage)) {
            throw malformed("not an RT Dose: SOP Class " + sopClass, Tag.SOPClassUID);
        }
        try {
            return readChecked(ds);
        } catch (NumberFormatException e) {
            throw malformed(e.getMessage(), DicomException.NO_TAG);
        }
    }

    /** The geometry of the grid alone, without reading Pixel Data. */
    public static GridGeometry geometry(Attributes ds) throws DicomException {
        int columns = ds.getInt(Tag.Columns, 0);
        int rows = ds.getInt(Tag.Rows, 0);
        int frames = ds.getInt(Tag.NumberOfFrames, 1);
        double[] position = require(ds, Tag.ImagePositionPatient, 3);
        double[] orientation = require(ds, Tag.ImageOrientationPatient, 6);
        double[] spacing = require(ds, Tag.PixelSpacing, 2);
        double[] offsets = frames == 1 && !ds.contains(Tag.GridFrameOffsetVector) ? new double[] {0}
            : require(ds, Tag.GridFrameOffsetVector, frames);
        if (offsets.length != frames) {
            throw malformed("Grid Frame Offset Vector has " + offsets.length + " values for " + frames + " frames",
                Tag.GridFrameOffsetVector);
        }
        try {
            return new GridGeometry(columns, rows, position, orientation, spacing[0], spacing[1], offsets);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage(), Tag.ImagePositionPatient);
        }
    }

    /**
     * As {@link #read(Attributes)}, knowing the transfer syntax: in Explicit VR Big Endian, 32-bit doses in OW
     * come out of the 16-bit OW byte swap with their two halves exchanged, which this undoes.
     */
    public static DoseGrid read(DicomFile file) throws DicomException {
        Attributes ds = file.dataset();
        if (UID.ExplicitVRBigEndian.equals(file.transferSyntaxUid()) && ds.vrOf(Tag.PixelData) == VR.OW
                && ds.getInt(Tag.BitsAllocated, 0) == 32 && ds.getValue(Tag.PixelData) instanceof byte[] b) {
            Attributes copy = new Attributes(ds.size());
            for (int i = 0; i < ds.size(); i++) {
                copy.setValue(ds.tagAt(i), ds.vrAt(i), ds.valueAt(i));
            }
            copy.setBytes(Tag.PixelData, VR.OW, swapHalves(b));
            ds = copy;
        }
        return read(ds);
    }

    private static byte[] swapHalves(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i + 3 < b.length; i += 4) {
            out[i] = b[i + 2];
            out[i + 1] = b[i + 3];
            out[i + 2] = b[i];
            out[i + 3] = b[i + 1];
        }
        return out;
    }

    private static DoseGrid readChecked(Attributes ds) throws DicomException {
        if (ds.getFragments(Tag.PixelData) != null) {
            throw malformed("RT Dose Pixel Data must be native, not encapsulated", Tag.PixelData);
        }
        GridGeometry g = geometry(ds);
        int bits = ds.getInt(Tag.BitsAllocated, 0);
        boolean signed = ds.getInt(Tag.PixelRepresentation, 0) == 1;
        if (bits != 16 && bits != 32) {
            throw malformed("Bits Allocated " + bits + " (RT Dose uses 16 or 32)", Tag.BitsAllocated);
        }
        if (ds.getInt(Tag.SamplesPerPixel, 1) != 1) {
            throw malformed("RT Dose has one sample per pixel", Tag.SamplesPerPixel);
        }
        double scaling = ds.getDouble(Tag.DoseGridScaling, Double.NaN);
        if (Double.isNaN(scaling)) {
            throw malformed("missing Dose Grid Scaling", Tag.DoseGridScaling);
        }
        int count = g.columns() * g.rows() * g.frames();
        ByteBuffer pixels = pixelData(ds, (long) count * (bits / 8));
        float[] dose = new float[count];
        for (int i = 0; i < count; i++) {
            long raw = bits == 16
                ? signed ? pixels.getShort() : pixels.getShort() & 0xFFFF
                : signed ? pixels.getInt() : pixels.getInt() & 0xFFFFFFFFL;
            dose[i] = (float) (raw * scaling);
        }
        return new DoseGrid(g, dose, ds.getString(Tag.DoseUnits, ""), ds.getString(Tag.DoseType, ""),
            ds.getString(Tag.DoseSummationType, ""));
    }

    private static ByteBuffer pixelData(Attributes ds, long needed) throws DicomException {
        Object value = ds.getValue(Tag.PixelData);
        byte[] bytes;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (value instanceof byte[] b) {
            bytes = b;
        } else if (value instanceof BulkData bulk) {
            try {
                bytes = bulk.readBytes();
            } catch (IOException e) {
                throw new DicomException("cannot read Pixel Data: " + e.getMessage(), Tag.PixelData, bulk.offset(), e);
            }
            order = bulk.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        } else {
            throw malformed(value == null ? "missing Pixel Data" : "RT Dose Pixel Data must be native, not encapsulated",
                Tag.PixelData);
        }
        if (bytes.length < needed) {
            throw malformed("Pixel Data holds " + bytes.length + " bytes, grid needs " + needed, Tag.PixelData);
        }
        return ByteBuffer.wrap(bytes).order(order);
    }

    private static double[] require(Attributes ds, int tag, int atLeast) throws DicomException {
        double[] v = ds.getDoubles(tag);
        if (v.length < atLeast) {
            throw malformed("missing or short " + Tag.toString(tag), tag);
        }
        return v;
    }

    private static MalformedDicomException malformed(String message, int tag) {
        return new MalformedDicomException(message, tag, DicomException.NO_OFFSET);
    }
}
