package org.consilium.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.TruncatedDicomException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the pydicom corpus (Debian python3-pydicom 2.3.1) that pydicom itself reads: read, write
 * in the same transfer syntax, read again, and compare; the written bytes must equal the original unless
 * the file is listed below with the reason.
 */
class PydicomCorpusRoundTripTest {

    /** Files pydicom reads and we refuse, with the reason. */
    static final Map<String, String> REJECTED = Map.of(
            "test_files/MR_truncated.dcm",
            "Pixel Data declares 8192 bytes but the file ends 62 bytes short: pydicom returns the partial value,"
                    + " we raise TruncatedDicomException rather than invent pixels",
            "test_files/rtplan_truncated.dcm",
            "a sequence length points 265 bytes past the end of the file: TruncatedDicomException",
            "test_files/dicomdirtests/DICOMDIR-nooffset",
            "records were cut from Directory Record Sequence without updating its length, which now points 24 bytes"
                    + " past the end of the file: TruncatedDicomException");

    private static final String STALE_GROUP_LENGTH = "group lengths (gggg,0000) in the data set are wrong; we write"
            + " the true ones, the same values as dcmtk's dcmconv +g=";

    /** Files that round-trip to equal data but not to the same bytes, with the reason. */
    static final Map<String, String> NOT_BYTE_IDENTICAL = Map.of(
            "test_files/SC_rgb_jpeg.dcm", "implicit VR data set under an explicit VR transfer syntax; written explicit as declared",
            "test_files/UN_sequence.dcm", "UN of undefined length is read as a sequence (CP-246) and written as SQ",
            "test_files/image_dfl.dcm", "our deflate output differs from the original compressor's; inflated bytes are equal",
            "test_files/meta_missing_tsyntax.dcm", "File Meta lacks Transfer Syntax UID; we write it",
            "test_files/nested_priv_SQ.dcm", "odd-length value (0001,0002) is written padded to even",
            "test_files/no_meta_group_length.dcm", "File Meta lacks its group length; we write it",
            "test_files/693_J2KI.dcm", STALE_GROUP_LENGTH,
            "charset_files/chrJapMulti.dcm", STALE_GROUP_LENGTH,
            "charset_files/chrKoreanMulti.dcm", STALE_GROUP_LENGTH);

    /** The corpus files pydicom reads with dcmread(force=False), values accessed, relative to its data folder. */
    static List<String> filesPydicomReads() {
        return ExternalTools.python("""
                import os, warnings, pydicom
                warnings.simplefilter('ignore')
                base = os.path.dirname(pydicom.__file__) + '/data/'
                for d in ('test_files', 'charset_files'):
                    for root, _, files in os.walk(base + d):
                        for f in sorted(files):
                            p = os.path.join(root, f)
                            try:
                                ds = pydicom.dcmread(p)
                                for e in ds.iterall():
                                    e.value
                                print(os.path.relpath(p, base))
                            except Exception:
                                pass
                """);
    }

    @TestFactory
    Stream<DynamicTest> roundTripsEveryFilePydicomReads() {
        List<String> files = filesPydicomReads();
        assertTrue(files.size() >= 90, "pydicom read only " + files.size() + " corpus files: " + files);
        assertTrue(files.containsAll(REJECTED.keySet()) && files.containsAll(NOT_BYTE_IDENTICAL.keySet()),
                "the lists name files pydicom no longer reads");
        return files.stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) throws Exception {
        Path file = ExternalTools.PYDICOM_DATA.resolve(name);
        DicomReader reader = new DicomReader(DicomReader.Options.IN_MEMORY);
        if (REJECTED.containsKey(name)) {
            DicomException e = assertThrows(DicomException.class, () -> reader.readFile(file));
            assertTrue(e instanceof TruncatedDicomException && e.offset() > 0 && e.tag() != DicomException.NO_TAG, e::toString);
            return;
        }
        DicomFile original = reader.readFile(file);
        byte[] written = write(original);
        DicomFile again = reader.read(new ByteArrayInputStream(written));
        assertEquals(original.transferSyntaxUid(), again.transferSyntaxUid());
        assertEquals(original.dataset(), again.dataset());
        byte[] source = Files.readAllBytes(file);
        if (NOT_BYTE_IDENTICAL.containsKey(name)) {
            assertFalse(Arrays.equals(source, written), name + " is now byte-identical: drop it from the list");
        } else {
            assertArrayEquals(source, written, name + " changed bytes on round trip");
        }
    }

    static byte[] write(DicomFile f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f.fileMetaInformation() == null) {
            new DicomWriter().writeDataset(out, f.dataset(), f.transferSyntaxUid());
        } else {
            new DicomWriter().writeFile(out, f);
        }
        return out.toByteArray();
    }
}
