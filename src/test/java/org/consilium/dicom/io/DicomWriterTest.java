package org.consilium.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.UnsupportedTransferSyntaxException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DicomWriterTest {

    /** A small RT-like data set touching every kind of value. */
    static Attributes sample() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.RTStructureSetStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, Implementation.ROOT_UID + ".9.1");
        ds.setString(Tag.PatientName, VR.PN, "Wang^Fang=王^芳");
        ds.setString(Tag.PatientID, VR.LO, "P1");
        ds.setInt(Tag.Rows, VR.US, 3);
        ds.setInt(Tag.PixelRepresentation, VR.US, 1); // makes implicit-VR Pixel Padding Value SS, not US
        ds.setInt(Tag.PixelPaddingValue, VR.SS, -1024);
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.5);
        ds.setFloat(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 0.25f);
        ds.setDouble(Tag.TimeRange, VR.FD, 1.5, 2.5);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        Sequence rois = ds.newSequence(Tag.StructureSetROISequence);
        Attributes roi = rois.addItem();
        roi.setInt(Tag.ROINumber, VR.IS, 1);
        roi.setString(Tag.ROIName, VR.LO, "脊髓");
        Sequence defined = ds.newSequence(Tag.ROIContourSequence);
        defined.setUndefinedLength(false);
        Attributes item = defined.addItem();
        item.setUndefinedItemLength(false);
        item.setInt(Tag.ROIDisplayColor, VR.IS, 255, 0, 0);
        item.newSequence(Tag.ContourSequence).addItem().setDouble(Tag.ContourData, VR.DS, 1, 2, 3.5);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 2, 3, 4, 5, 6});
        return ds;
    }

    @ParameterizedTest
    @ValueSource(strings = {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian,
            UID.DeflatedExplicitVRLittleEndian})
    void roundTripsEveryKindOfValue(String tsUid) throws Exception {
        Attributes ds = sample();
        byte[] bytes = write(null, ds, tsUid);
        DicomFile back = new DicomReader().read(new ByteArrayInputStream(bytes));
        assertEquals(tsUid, back.transferSyntaxUid());
        assertEquals(ds, back.dataset(), () -> "written:\n" + ds + "\nread:\n" + back.dataset());
        assertEquals(-1024, back.dataset().getInt(Tag.PixelPaddingValue, 0));
        assertEquals("王^芳", back.dataset().getPersonName(Tag.PatientName).ideographic().toString());
        assertEquals(3.5, back.dataset().getSequence(Tag.ROIContourSequence).get(0)
                .getSequence(Tag.ContourSequence).get(0).getDoubles(Tag.ContourData)[2]);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, back.dataset().getBytes(Tag.PixelData));
    }

    /** Values around each step of the output buffer's growth (1 KiB doubling to 64 KiB) and past it. */
    @ParameterizedTest
    @ValueSource(strings = {UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian})
    void roundTripsValuesAroundEveryBufferSize(String tsUid) throws Exception {
        Attributes ds = sample();
        java.util.Random random = new java.util.Random(3);
        int element = 0x00091000;
        for (int size = 1 << 9; size <= 1 << 17; size <<= 1) {
            for (int delta : new int[] {-3, -2, 0, 2}) {
                byte[] v = new byte[size + delta];
                random.nextBytes(v);
                ds.setBytes(element++, VR.OB, v);
                ds.setString(element++, VR.LO, "短" + size); // small writes between the large ones
            }
        }
        byte[] bytes = write(null, ds, tsUid);
        DicomFile back = new DicomReader().read(new ByteArrayInputStream(bytes));
        assertEquals(ds, back.dataset());
    }

    @Test
    void createsFileMetaNamingThisImplementation() throws Exception {
        byte[] bytes = write(null, sample(), UID.ExplicitVRLittleEndian);
        assertEquals("DICM", new String(bytes, 128, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Attributes meta = new DicomReader().read(new ByteArrayInputStream(bytes)).fileMetaInformation();
        assertEquals(UID.RTStructureSetStorage, meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals(Implementation.ROOT_UID + ".9.1", meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(Implementation.CLASS_UID, meta.getString(Tag.ImplementationClassUID));
        assertEquals(Implementation.VERSION_NAME, meta.getString(Tag.ImplementationVersionName));
        assertArrayEquals(new byte[] {0, 1}, meta.getBytes(Tag.FileMetaInformationVersion));
        int groupLength = meta.getInt(Tag.FileMetaInformationGroupLength, -1);
        // group length counts the bytes after its own element up to the first data set element
        int datasetStart = 132 + 12 + groupLength;
        assertEquals(0x08, bytes[datasetStart]);
        assertEquals(0x00, bytes[datasetStart + 1]);
    }

    @Test
    void padsOddValuesPerVr() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.PatientID, VR.LO, "ABC");
        ds.setBytes(0x00091010, VR.OB, new byte[] {7});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(out, ds, UID.ExplicitVRLittleEndian);
        byte[] b = out.toByteArray();
        assertArrayEquals(bytes(0x08, 0, 0x18, 0, 'U', 'I', 6, 0, '1', '.', '2', '.', '3', 0), Arrays.copyOfRange(b, 0, 14));
        assertArrayEquals(bytes(0x09, 0, 0x10, 0x10, 'O', 'B', 0, 0, 2, 0, 0, 0, 7, 0), Arrays.copyOfRange(b, 14, 28));
        assertArrayEquals(bytes(0x10, 0, 0x20, 0, 'L', 'O', 4, 0, 'A', 'B', 'C', ' '), Arrays.copyOfRange(b, 28, 40));
    }

    @Test
    void writesEncapsulatedPixelDataAsFragments() throws Exception {
        Attributes ds = sample();
        ds.setValue(Tag.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}));
        byte[] bytes = write(null, ds, UID.JPEGBaseline8Bit);
        Fragments f = new DicomReader().read(new ByteArrayInputStream(bytes)).dataset().getFragments(Tag.PixelData);
        assertNotNull(f);
        assertEquals(2, f.size());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 0}, (byte[]) f.get(1));
    }

    @Test
    void recomputesGroupLengthsForTheEncodingWritten() throws Exception {
        Attributes ds = new Attributes();
        ds.setInt(0x00100000, VR.UL, 999); // stale
        ds.setString(Tag.PatientName, VR.PN, "Doe^J"); // 8 + 6 explicit, 8 + 6 implicit
        ds.setString(Tag.PatientID, VR.LO, "12"); // 8 + 2
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2");
        for (String ts : new String[] {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian}) {
            Attributes back = new DicomReader().read(new ByteArrayInputStream(write(null, ds, ts))).dataset();
            assertEquals(24, back.getInt(0x00100000, -1), ts);
            assertEquals(ds, back, "group lengths are encoding, not content");
        }
    }

    @Test
    void refusesToChangePixelEncodingWithoutACodec() {
        Attributes ds = sample();
        UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                () -> write(null, ds, UID.JPEGBaseline8Bit));
        assertEquals(UID.JPEGBaseline8Bit, e.transferSyntaxUid());
        ds.setValue(Tag.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[2]));
        assertThrows(UnsupportedTransferSyntaxException.class, () -> write(null, ds, UID.ExplicitVRLittleEndian));
        assertThrows(UnsupportedTransferSyntaxException.class, () -> write(null, ds, "1.2.3.4.5"));
    }

    static byte[] write(Attributes meta, Attributes ds, String tsUid) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeFile(out, meta, ds, tsUid);
        return out.toByteArray();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
