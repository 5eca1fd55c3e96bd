package org.consilium.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that breaks PS3.5 in ways real equipment does, read as dcmtk's dcmdump reads it. Each case writes its
 * own small file, checks that dcmdump reads it, and reads it here.
 */
class LenientReadingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 1000, 4096})
    void zeroPaddingAfterTheLastElementIsReadPastAsDcmtkDoes(int padding) throws Exception {
        for (String ts : List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian)) {
            byte[] clean = DicomWriterTest.write(null, DicomWriterTest.sample(), ts);
            Path padded = dir.resolve("padded.dcm");
            Files.write(padded, Arrays.copyOf(clean, clean.length + padding));
            assertDcmdumpReads(padded);

            Attributes read = new DicomReader().readFile(padded).dataset();
            assertEquals(DicomWriterTest.sample().size(), read.size(), ts + ": the same elements, no (0000,0000)");
            assertEquals("P1", read.getString(Tag.PatientID));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 64})
    void zeroPaddingIsReadPastFromAStreamOfUnknownLength(int padding) throws Exception {
        byte[] clean = DicomWriterTest.write(null, DicomWriterTest.sample(), UID.ExplicitVRLittleEndian);
        Attributes read = new DicomReader().read(new java.io.ByteArrayInputStream(
                Arrays.copyOf(clean, clean.length + padding))).dataset();
        assertEquals(DicomWriterTest.sample().size(), read.size());
    }

    @org.junit.jupiter.api.Test
    void bytesAfterZeroPaddingThatAreNoElementStillFail() throws Exception {
        byte[] clean = DicomWriterTest.write(null, DicomWriterTest.sample(), UID.ExplicitVRLittleEndian);
        byte[] junk = Arrays.copyOf(clean, clean.length + 16);
        junk[junk.length - 4] = 'Z';
        assertThrows(DicomException.class, () -> new DicomReader().read(new java.io.ByteArrayInputStream(junk)));
    }

    @org.junit.jupiter.api.Test
    void groupLengthsThatLieAreIgnored() throws Exception {
        byte[] meta = fileMeta(UID.ExplicitVRLittleEndian, 10); // File Meta group length says 10 bytes
        byte[] ds = concat(element(0x00080000, "UL", le32(4)), IDS, element(0x00100010, "PN", ascii("Doe^J")));
        Attributes read = readBoth(concat(meta, ds));
        assertEquals("Doe^J", read.getString(Tag.PatientName));
        assertEquals("1.2.3.4", read.getString(Tag.SOPInstanceUID));
    }

    @org.junit.jupiter.api.Test
    void aMissingOrUnknownTransferSyntaxIsInferredFromTheDataSet() throws Exception {
        for (String ts : new String[] {null, "1.2.3.4.5.6"}) {
            DicomFile f = new DicomReader().readFile(write(concat(fileMeta(ts, -1), IDS,
                    element(0x00100010, "PN", ascii("Doe^J")))));
            assertEquals("Doe^J", f.dataset().getString(Tag.PatientName), "declared " + ts);
        }
        assertDcmdumpReads(write(concat(fileMeta(null, -1), IDS)));
    }

    @org.junit.jupiter.api.Test
    void anOddLengthValueIsKept() throws Exception {
        byte[] odd = concat(fileMeta(UID.ExplicitVRLittleEndian, -1), IDS,
                new byte[] {0x10, 0, 0x10, 0, 'P', 'N', 5, 0, 'D', 'o', 'e', '^', 'J'});
        assertEquals("Doe^J", readBoth(odd).getString(Tag.PatientName));
    }

    @org.junit.jupiter.api.Test
    void aVrThatContradictsTheDictionaryIsReadAsDeclared() throws Exception {
        byte[] file = concat(fileMeta(UID.ExplicitVRLittleEndian, -1), IDS,
                element(0x00100010, "US", new byte[] {7, 0}), element(0x00280008, "US", new byte[] {2, 0}));
        Attributes read = readBoth(file);
        assertEquals(org.consilium.dicom.dict.VR.US, read.vrOf(Tag.PatientName));
        assertEquals(2, read.getInt(Tag.NumberOfFrames, -1));
    }

    @org.junit.jupiter.api.Test
    void anUndefinedLengthItemCutByTheEndOfFileIsRefusedAsDcmtkRefusesIt() throws Exception {
        byte[] file = concat(fileMeta(UID.ExplicitVRLittleEndian, -1), IDS,
                new byte[] {0x08, 0, 0x40, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1}, // (0008,1140) undefined length
                new byte[] {-2, -1, 0, -32, -1, -1, -1, -1}, element(0x00081150, "UI", ascii("1.2.3")));
        Path written = write(file);
        ExternalTools.Result dcmdump = ExternalTools.run(List.of("dcmdump", written.toString()));
        assertTrue(dcmdump.output().contains("Sequence Delimitation Item missing"), dcmdump.output());
        org.consilium.dicom.TruncatedDicomException e = assertThrows(org.consilium.dicom.TruncatedDicomException.class,
                () -> new DicomReader().readFile(written));
        assertEquals(file.length, e.offset());
    }

    /** SOP Class and Instance UID, explicit VR LE. */
    private static final byte[] IDS = concat(element(0x00080016, "UI", ascii(UID.SecondaryCaptureImageStorage)),
            element(0x00080018, "UI", ascii("1.2.3.4")));

    /** Reads as a file and as a stream, after dcmdump has read it. */
    private Attributes readBoth(byte[] bytes) throws Exception {
        Path file = write(bytes);
        assertDcmdumpReads(file);
        Attributes fromStream = new DicomReader().read(new java.io.ByteArrayInputStream(bytes)).dataset();
        Attributes fromFile = new DicomReader().readFile(file).dataset();
        assertEquals(fromFile.size(), fromStream.size());
        return fromFile;
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "lenient", ".dcm");
        Files.write(file, bytes);
        return file;
    }

    /** Preamble, DICM and File Meta; {@code groupLength} -1 for the true one. */
    private static byte[] fileMeta(String tsUid, int groupLength) {
        byte[] body = concat(element(0x00020001, "OB", new byte[] {0, 1}),
                element(0x00020002, "UI", ascii(UID.SecondaryCaptureImageStorage)),
                element(0x00020003, "UI", ascii("1.2.3.4")),
                tsUid == null ? new byte[0] : element(0x00020010, "UI", ascii(tsUid)));
        return concat(new byte[128], ascii("DICM"),
                element(0x00020000, "UL", le32(groupLength < 0 ? body.length : groupLength)), body);
    }

    /** One explicit VR little endian element, padded to even length with NUL (UI) or as given. */
    static byte[] element(int tag, String vr, byte[] value) {
        if (value.length % 2 == 1) {
            value = Arrays.copyOf(value, value.length + 1);
        }
        boolean longHeader = List.of("OB", "OW", "SQ", "UN", "UT", "UC", "UR").contains(vr);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((longHeader ? 12 : 8) + value.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).put(ascii(vr));
        if (longHeader) {
            b.putShort((short) 0).putInt(value.length);
        } else {
            b.putShort((short) value.length);
        }
        return b.put(value).array();
    }

    private static byte[] le32(int v) {
        return java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void assertDcmdumpReads(Path file) {
        ExternalTools.Result r = ExternalTools.run(List.of("dcmdump", file.toString()));
        assertEquals(0, r.exitCode(), () -> "dcmdump refuses " + file + ": " + r.output());
    }
}
