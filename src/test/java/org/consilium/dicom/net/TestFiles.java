package org.consilium.dicom.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.net.dimse.Part10File;

/** Sample instances: the pydicom corpus (Debian python3-pydicom) and small ones written by our writer. */
public final class TestFiles {

    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private TestFiles() {}

    public static Path pydicom(String name) {
        Path p = PYDICOM.resolve(name);
        assertTrue(Files.isRegularFile(p), p + " missing: install the Debian package python3-pydicom");
        return p;
    }

    /** {@code n} small CT instances of one study, in {@code transferSyntax}, with the given patient name. */
    public static List<Path> generate(Path dir, int n, String transferSyntax, String patientName) throws Exception {
        return generate(dir, n, transferSyntax, patientName, 16);
    }

    /** As above with {@code size}×{@code size} 16-bit pixels. */
    public static List<Path> generate(Path dir, int n, String transferSyntax, String patientName, int size) throws Exception {
        String study = Implementation.ROOT_UID + ".9." + System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Attributes ds = instance(study, i, patientName, size);
            Path f = dir.resolve("gen" + i + ".dcm");
            new DicomWriter().writeFile(f, null, ds, transferSyntax);
            files.add(f);
        }
        return files;
    }

    static Attributes instance(String studyUid, int number, String patientName, int size) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, studyUid + ".1." + number);
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, "P" + Math.abs(studyUid.hashCode()));
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, studyUid + ".1");
        ds.setInt(Tag.InstanceNumber, VR.IS, number);
        ds.setInt(Tag.Rows, VR.US, size);
        ds.setInt(Tag.Columns, VR.US, size);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        byte[] pixels = new byte[size * size * 2];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k * 7 + number);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    /** The bytes of a Part 10 file's data set, after File Meta. */
    public static byte[] dataSetBytes(Path part10) throws Exception {
        Part10File f = Part10File.read(part10);
        byte[] all = Files.readAllBytes(part10);
        return java.util.Arrays.copyOfRange(all, (int) f.dataSetOffset(), all.length);
    }

    /**
     * Asserts the received data set is the sent one byte for byte, except that dcmtk's storescu drops a
     * Data Set Trailing Padding (FFFC,FFFC) element at the end, as PS3.5 7.1 allows.
     */
    public static void assertSameDataSet(byte[] sent, byte[] received, String what) {
        byte[] expected = sent;
        if (received.length < sent.length && sent.length - received.length >= 8) {
            int p = received.length;
            boolean padding = (sent[p] & 0xFF) == 0xFC && (sent[p + 1] & 0xFF) == 0xFF
                    && (sent[p + 2] & 0xFF) == 0xFC && (sent[p + 3] & 0xFF) == 0xFF;
            if (padding) {
                expected = java.util.Arrays.copyOf(sent, p);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, received, what);
    }
}
