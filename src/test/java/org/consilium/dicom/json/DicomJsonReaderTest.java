package org.consilium.dicom.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DicomJsonReaderTest {

    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    @Test
    void readsMembersInAnyOrder() throws Exception {
        Attributes ds = read("""
            {"00100010": {"Value": [{"Ideographic": "张^三", "Alphabetic": "ZHANG^SAN"}], "vr": "PN"},
             "00280030": {"vr": "DS", "Value": [0.50, 1e2]},
             "00280010": {"vr": "US", "Value": [512]},
             "00280009": {"vr": "AT", "Value": ["3004000C"]},
             "00080050": {"vr": "SH"},
             "00189459": {"vr": "FL", "Value": ["NaN", -1.5]},
             "00420011": {"vr": "OB", "InlineBinary": "AAEC"},
             "00081115": {"vr": "SQ", "Value": [{"0020000E": {"vr": "UI", "Value": ["1.2.3"]}}, {}]}}""");
        assertEquals("ZHANG^SAN=张^三", ds.getString(Tag.PatientName));
        assertArrayEquals(new String[] {"0.50", "1e2"}, ds.getStrings(Tag.PixelSpacing));
        assertEquals(512, ds.getInt(Tag.Rows, 0));
        assertEquals(Tag.GridFrameOffsetVector, ds.getInt(Tag.FrameIncrementPointer, 0));
        assertTrue(ds.contains(Tag.AccessionNumber));
        assertEquals(0, ds.getStrings(Tag.AccessionNumber).length);
        float[] floats = ds.getFloats(0x00189459);
        assertTrue(Float.isNaN(floats[0]));
        assertEquals(-1.5f, floats[1]);
        assertArrayEquals(new byte[] {0, 1, 2}, ds.getBytes(Tag.EncapsulatedDocument));
        assertEquals(2, ds.getSequence(Tag.ReferencedSeriesSequence).size());
        assertEquals("1.2.3", ds.getSequence(Tag.ReferencedSeriesSequence).get(0).getString(Tag.SeriesInstanceUID));
    }

    @Test
    void readsPydicomsJsonFiles() throws Exception {
        Attributes pn = new DicomJsonReader().readDataset(Files.newBufferedReader(corpus("test_files/test_PN.json")));
        assertEquals("Prostate^Volunteer", pn.getString(Tag.PatientName));
        assertEquals("051Y", pn.getSequence(0x04000561).get(0).getSequence(0x04000550).get(0).getString(Tag.PatientAge));
        List<String> uris = new ArrayList<>();
        Attributes mr = new DicomJsonReader().withBulkDataResolver((tag, vr, uri) -> {
            uris.add(uri);
            return new byte[0];
        }).readDataset(Files.newBufferedReader(corpus("test_files/test1.json")));
        assertEquals(List.of(""), uris); // pydicom wrote an empty BulkDataURI for Pixel Data
        assertEquals(714, mr.getInt(0x00201002, 0));
        assertEquals("1.2.840.10008.5.1.4.1.1.4", mr.getString(Tag.SOPClassUID));
    }

    @Test
    void rejectsMalformedDocumentsWithTheTag() {
        DicomException e = assertThrows(DicomException.class, () -> read("{\"00100010\": {\"vr\": \"XX\"}}"));
        assertEquals(Tag.PatientName, e.tag());
        e = assertThrows(DicomException.class, () -> read("{\"00280010\": {\"vr\": \"US\", \"Value\": [70000]}}"));
        assertEquals(Tag.Rows, e.tag());
        assertThrows(DicomException.class, () -> read("{\"0010\": {\"vr\": \"PN\"}}"));
        assertThrows(DicomException.class, () -> read("{\"00100010\": {\"vr\": \"PN\""));
        e = assertThrows(DicomException.class, () -> read("{\"7FE00010\": {\"vr\": \"OW\", \"BulkDataURI\": \"x\"}}"));
        assertEquals(Tag.PixelData, e.tag());
    }

    @Test
    void keepsTheDigitsOfNumbersEvenWhenValueComesBeforeVr() throws Exception {
        Attributes ds = read("""
            {"00280030": {"Value": [1.50, -0, 2e-3], "vr": "DS"},
             "00081115": {"Value": [{"00100010": {"Value": [{"Alphabetic": "A", "Phonetic": ""}], "vr": "PN"}}],
                          "vr": "SQ"},
             "00280010": {"Value": [512], "vr": "US"},
             "00100020": {"Value": ["x\\u00e9\\n\\"q\\\\"], "vr": "LO"}}""");
        assertArrayEquals(new String[] {"1.50", "-0", "2e-3"}, ds.getStrings(Tag.PixelSpacing));
        assertEquals("A==", ds.getSequence(Tag.ReferencedSeriesSequence).get(0).getString(Tag.PatientName));
        assertEquals(512, ds.getInt(Tag.Rows, 0));
        assertEquals("x\u00e9\n\"q\\", ds.getString(Tag.PatientID));
    }

    @Test
    void takesNullMembersAsAbsentAndIgnoresUnknownOnes() throws Exception {
        Attributes ds = read("""
            {"00080050": {"vr": "SH", "Value": null, "InlineBinary": null, "comment": {"a": [1, {}]}},
             "00081115": {"vr": "SQ", "Value": [null]}}""");
        assertEquals(0, ds.getStrings(Tag.AccessionNumber).length);
        assertEquals(1, ds.getSequence(Tag.ReferencedSeriesSequence).size());
        assertTrue(ds.getSequence(Tag.ReferencedSeriesSequence).get(0).isEmpty());
    }

    @Test
    void aTagFilterSkipsOtherAttributesWithoutDecodingThem() throws Exception {
        String json = """
            {"00100010": {"vr": "PN", "Value": [{"Alphabetic": "WANG^FANG"}]},
             "00280010": {"vr": "US", "Value": [70000]},
             "00081115": {"vr": "SQ", "Value": [{"00280010": {"vr": "US", "Value": [1]}}]}}""";
        assertThrows(DicomException.class, () -> read(json), "70000 is no US: decoded, it is refused");
        Attributes ds = new DicomJsonReader().withTagFilter(t -> t == Tag.PatientName || t == Tag.ReferencedSeriesSequence)
            .readDataset(json);
        assertEquals(2, ds.size());
        assertEquals("WANG^FANG", ds.getString(Tag.PatientName));
        assertEquals(1, ds.getSequence(Tag.ReferencedSeriesSequence).get(0).getInt(Tag.Rows, 0),
            "items of a wanted sequence are read whole");
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        DicomException e = assertThrows(DicomException.class, () -> read("{\"00280010\": {\"vr\": \"US\", \"Value\": [1,]}}"));
        assertTrue(e.getMessage().startsWith("malformed JSON: ") && e.getMessage().endsWith("at line 1, column 39"),
            e.getMessage());
        for (String bad : List.of("{\"00280010\": {\"vr\": \"US\", \"Value\": [01]}}",
            "{\"00280010\": {\"vr\": \"FD\", \"Value\": [NaN]}}", "{} {}", "{} x", "", "\"text\"", "[1]")) {
            assertThrows(DicomException.class, () -> read(bad), bad);
        }
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        String item = "{\"00081115\": {\"vr\": \"SQ\", \"Value\": [";
        String end = "]}}";
        int fits = (Jackson.MAX_DEPTH - 1) / 3; // each level opens an item, an element and its Value array
        assertEquals(1, read(item.repeat(fits) + "{}" + end.repeat(fits)).size());
        DicomException e = assertThrows(DicomException.class,
            () -> read(item.repeat(fits + 1) + "{}" + end.repeat(fits + 1)));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    /** Attributes → JSON → Attributes gives equal data for every corpus file our reader reads, and the samples. */
    @TestFactory
    Stream<DynamicTest> roundTripsPydicomCorpusAndSamples() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("test_files", "charset_files")) {
            try (Stream<Path> s = Files.walk(corpus(dir))) {
                s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
            }
        }
        try (Stream<Path> s = Files.walk(Path.of("dicom-samples"))) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 150, "found " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> roundTrip(f)));
    }

    private static void roundTrip(Path file) throws Exception {
        Attributes original;
        try {
            original = new DicomReader().readFile(file).dataset();
        } catch (DicomException e) {
            return; // files the reader refuses are listed, with reasons, in PydicomCorpusRoundTripTest
        }
        Map<String, Object> bulk = new HashMap<>();
        StringWriter out = new StringWriter();
        DicomJsonWriter writer = new DicomJsonWriter(out).withBulkDataUris(e -> {
            String uri = "bulk:" + bulk.size();
            bulk.put(uri, e.value());
            return uri;
        });
        writer.write(original).flush();
        Attributes back = new DicomJsonReader().withBulkDataResolver((tag, vr, uri) -> bulk.get(uri))
            .readDataset(new StringReader(out.toString()));
        Attributes expected = withoutGroupLengths(original);
        if (!expected.equals(back)) {
            fail(file + ": differs after JSON\n" + expected + "\n---\n" + back);
        }
    }

    private static Attributes withoutGroupLengths(Attributes a) {
        for (int i = a.size() - 1; i >= 0; i--) {
            if (Tag.isGroupLength(a.tagAt(i))) {
                a.remove(a.tagAt(i));
            } else if (a.valueAt(i) instanceof org.consilium.dicom.data.Sequence seq) {
                seq.forEach(DicomJsonReaderTest::withoutGroupLengths);
            }
        }
        return a;
    }

    private static Path corpus(String relative) {
        Path p = PYDICOM_DATA.resolve(relative);
        if (!Files.exists(p)) {
            fail("pydicom corpus missing (apt-get install python3-pydicom): " + p);
        }
        return p;
    }

    private static Attributes read(String json) throws Exception {
        return new DicomJsonReader().readDataset(new StringReader(json));
    }

}
