package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureSetWriterTest {

    private static final StructureSetWriter.Identity ID = new StructureSetWriter.Identity("1.2.3.4.5.1", "1.2.3.4.5",
        7, 1, LocalDateTime.of(2025, 4, 1, 12, 30, 15), "Revised", new SopRef(UID.RTStructureSetStorage, "1.2.3.9"));

    @Test
    void writtenStructureSetReadsBackTheSame() throws Exception {
        StructureSet original = StructureSetReader.read(RtCorpus.sample("RTSTRUCT.dcm"));
        Attributes ct = RtCorpus.sample("CT/CT0001.dcm");
        StructureSet edited = original.withLabel("EDIT", "moved GTV")
            .withRois(original.rois().stream().map(r -> r.name().equals("GTV") ? r.withContours(shift(r.contours(), 1.25)) : r)
                .toList());
        Attributes written = reread(StructureSetWriter.write(edited, ct, ID));
        StructureSet read = StructureSetReader.read(written);
        // DS holds at most 16 characters, so shifted coordinates come back to within 1e-9 mm
        assertEquals(edited.withRois(List.of()), read.withRois(List.of()));
        for (int r = 0; r < edited.rois().size(); r++) {
            Roi expected = edited.rois().get(r), actual = read.rois().get(r);
            assertEquals(expected.withContours(List.of()), actual.withContours(List.of()));
            assertEquals(expected.contours().size(), actual.contours().size());
            for (int c = 0; c < expected.contours().size(); c++) {
                assertArrayEquals(expected.contours().get(c).points(), actual.contours().get(c).points(), 1e-9);
                assertEquals(expected.contours().get(c).images(), actual.contours().get(c).images());
            }
        }
        assertEquals(ct.getString(Tag.PatientName), written.getString(Tag.PatientName));
        assertEquals(ct.getString(Tag.StudyInstanceUID), written.getString(Tag.StudyInstanceUID));
        assertEquals("1.2.3.4.5.1", written.getString(Tag.SOPInstanceUID));
        assertEquals("1.2.3.9", written.getSequence(Tag.PredecessorStructureSetSequence).get(0)
            .getString(Tag.ReferencedSOPInstanceUID));
        Attributes series = written.getSequence(Tag.ReferencedFrameOfReferenceSequence).get(0)
            .getSequence(Tag.RTReferencedStudySequence).get(0).getSequence(Tag.RTReferencedSeriesSequence).get(0);
        assertEquals(ct.getString(Tag.SeriesInstanceUID), series.getString(Tag.SeriesInstanceUID));
        assertEquals(96, series.getSequence(Tag.ContourImageSequence).size());
    }

    @Test
    void writesPydicomsStructureSetAsAValidInstance(@TempDir Path dir) throws Exception {
        Attributes source = RtCorpus.pydicom("rtstruct.dcm");
        StructureSet set = StructureSetReader.read(source);
        Attributes written = StructureSetWriter.write(set, source, ID);
        StructureSet read = StructureSetReader.read(reread(written));
        assertEquals(set.rois(), read.rois());
        assertEquals(set.frameOfReferenceUid(), read.frameOfReferenceUid());
        assertNull(read.referencedSeries(), "the source names no images, so no RT Referenced Study is written");
        Path file = dir.resolve("rs.dcm");
        new DicomWriter().writeFile(file, null, written, UID.ExplicitVRLittleEndian);
        List<String> errors = new ArrayList<>();
        ExternalTools.run(List.of("dciodvfy", file.toString())).output().lines()
            .filter(l -> l.startsWith("Error")).forEach(errors::add);
        assertEquals(List.of(), errors);
        assertTrue(Files.size(file) > 0);
    }

    private static List<Contour> shift(List<Contour> contours, double dx) {
        return contours.stream().map(c -> {
            double[] p = c.points().clone();
            for (int i = 0; i < p.length; i += 3) {
                p[i] += dx;
            }
            return new Contour(c.geometricType(), p, c.images());
        }).toList();
    }

    private static Attributes reread(Attributes ds) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
        return new DicomReader().read(new ByteArrayInputStream(out.toByteArray())).dataset();
    }
}
