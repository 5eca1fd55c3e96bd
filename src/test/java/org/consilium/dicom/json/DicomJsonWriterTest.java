package org.consilium.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;

/** Expected output written by hand from PS3.18 F.2 and its examples (F.4). */
class DicomJsonWriterTest {

    @Test
    void writesPersonNameGroupsAsObjects() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "ZHANG^SAN=张^三", "", "Yamada^Tarou==やまだ^たろう");
        assertEquals("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
            + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"ZHANG^SAN\",\"Ideographic\":\"张^三\"},null,"
            + "{\"Alphabetic\":\"Yamada^Tarou\",\"Phonetic\":\"やまだ^たろう\"}]}}", DicomJsonWriter.toJson(ds));
    }

    @Test
    void writesNumbersAsJsonNumbers() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.PixelSpacing, VR.DS, "0.50", "+.5");
        ds.setString(Tag.InstanceNumber, VR.IS, "007");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.ReferencedFrameNumber, VR.IS, -3, 4);
        ds.setDouble(Tag.DoseGridScaling, VR.DS, 1.0E-6);
        ds.setDouble(Tag.FrameTime, VR.DS, 33.3);
        ds.setFloat(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, Float.NaN);
        ds.setDouble(Tag.ImagePositionPatient, VR.DS, -1.5, 2, 3e10);
        assertEquals("{\"00081160\":{\"vr\":\"IS\",\"Value\":[-3,4]},"
            + "\"00089459\":{\"vr\":\"FL\",\"Value\":[\"NaN\"]},"
            + "\"00181063\":{\"vr\":\"DS\",\"Value\":[33.3]},"
            + "\"00200013\":{\"vr\":\"IS\",\"Value\":[7]},"
            + "\"00200032\":{\"vr\":\"DS\",\"Value\":[-1.5,2,30000000000]},"
            + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]},"
            + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.50,0.5]},"
            + "\"3004000E\":{\"vr\":\"DS\",\"Value\":[1.0E-6]}}", DicomJsonWriter.toJson(ds));
    }

    @Test
    void dropsLeadingZerosButKeepsTheLastDigit() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SliceThickness, VR.DS, "000", "-00.25", "0012E+3", " 0 ");
        assertEquals("{\"00180050\":{\"vr\":\"DS\",\"Value\":[0,-0.25,12E+3,0]}}", DicomJsonWriter.toJson(ds));
    }

    @Test
    void leavesValueOutOfEmptyElements() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.AccessionNumber, VR.SH);
        ds.setString(Tag.ReferringPhysicianName, VR.PN);
        ds.newSequence(Tag.ReferencedStudySequence);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[0]);
        ds.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        assertEquals("{\"00080050\":{\"vr\":\"SH\"},\"00080090\":{\"vr\":\"PN\"},\"00081110\":{\"vr\":\"SQ\"},"
            + "\"7FE00010\":{\"vr\":\"OW\"}}", DicomJsonWriter.toJson(ds));
    }

    @Test
    void writesSequencesAttributeTagsAndInlineBinary() throws Exception {
        Attributes ds = new Attributes();
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.GridFrameOffsetVector);
        Attributes item = ds.newSequence(Tag.ReferencedSeriesSequence).addItem();
        item.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3");
        ds.getSequence(Tag.ReferencedSeriesSequence).addItem();
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[] {0, 1, 2});
        assertEquals("{\"00081115\":{\"vr\":\"SQ\",\"Value\":[{\"0020000E\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{}]},"
            + "\"00280009\":{\"vr\":\"AT\",\"Value\":[\"3004000C\"]},"
            + "\"00420011\":{\"vr\":\"OB\",\"InlineBinary\":\"AAEC\"}}", DicomJsonWriter.toJson(ds));
    }

    @Test
    void linksLargeBinaryValuesThroughTheCallback() throws Exception {
        Attributes ds = new Attributes();
        ds.setBytes(Tag.PixelData, VR.OW, new byte[2048]);
        Attributes icon = ds.newSequence(Tag.IconImageSequence).addItem();
        icon.setBytes(Tag.PixelData, VR.OB, new byte[4]);
        StringWriter out = new StringWriter();
        DicomJsonWriter writer = new DicomJsonWriter(out).withBulkDataUris(e -> "bulk/"
            + java.util.Arrays.stream(e.path()).mapToObj(Integer::toHexString).reduce((a, b) -> a + "/" + b).orElseThrow(), 1024);
        writer.beginArray().write(ds).write(new Attributes()).endArray().flush();
        assertEquals("[{\"00880200\":{\"vr\":\"SQ\",\"Value\":[{\"7FE00010\":{\"vr\":\"OB\",\"InlineBinary\":\"AAAAAA==\"}}]},"
            + "\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"bulk/7fe00010\"}},{}]", out.toString());
    }

    @Test
    void escapesTextAndWritesUtf8ToStreams() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.StudyDescription, VR.LO, "a\"b\\c\u0001\t胸部");
        assertEquals("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
            + "\"00081030\":{\"vr\":\"LO\",\"Value\":[\"a\\\"b\\\\c\\u0001\\t胸部\"]}}", DicomJsonWriter.toJson(ds));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        boolean[] closed = {false};
        java.io.OutputStream response = new java.io.FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new DicomJsonWriter(response).beginArray().write(ds).endArray().close();
        assertEquals("[" + DicomJsonWriter.toJson(ds) + "]", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(false, closed[0], "closing the writer leaves the caller's stream open");
    }

    @Test
    void refusesEncapsulatedPixelDataWithoutAUri() {
        Attributes ds = new Attributes();
        ds.setValue(Tag.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[] {1, 2}));
        DicomException e = assertThrows(DicomException.class, () -> DicomJsonWriter.toJson(ds));
        assertEquals(Tag.PixelData, e.tag());
    }
}
