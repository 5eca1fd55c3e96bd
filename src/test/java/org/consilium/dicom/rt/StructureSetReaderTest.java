package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.junit.jupiter.api.Test;

class StructureSetReaderTest {

    @Test
    void readsRoisAndContoursOfPydicomsStructureSet() throws Exception {
        // expected values from pydicom 2.3.1: dcmread("rtstruct.dcm", force=True)
        StructureSet set = StructureSetReader.read(RtCorpus.pydicom("rtstruct.dcm"));
        assertEquals("sep30", set.label());
        assertEquals("1.2.826.0.1.3680043.8.498.2010020400001.2", set.frameOfReferenceUid());
        assertEquals(List.of("patient", "Isocenter 1", "Isocenter 2"), set.rois().stream().map(Roi::name).toList());
        Roi patient = set.rois().get(0);
        assertEquals(1, patient.number());
        assertEquals("EXTERNAL", patient.interpretedType());
        assertEquals("MANUAL", patient.generationAlgorithm());
        assertArrayEquals(new int[] {220, 160, 120}, patient.color());
        assertEquals(3, patient.contours().size());
        Contour first = patient.contours().get(0);
        assertEquals(Contour.CLOSED_PLANAR, first.geometricType());
        assertEquals(5, first.pointCount());
        assertArrayEquals(new double[] {-200, 150, -200, -200, -150, -200}, java.util.Arrays.copyOf(first.points(), 6));
        assertEquals(400 * 300, first.axialArea(), 1e-9);
        assertTrue(first.images().isEmpty(), "this file has no Contour Image Sequence");
        Roi iso = set.roi("Isocenter 2");
        assertEquals("ISOCENTER", iso.interpretedType());
        assertEquals(Contour.POINT, iso.contours().get(0).geometricType());
        assertArrayEquals(new int[] {255, 64, 255}, iso.color());
        assertEquals("1.2.826.0.1.3680043.8.498.2010020400001.2.1.1", set.referencedSeries().seriesInstanceUid());
    }

    @Test
    void readsTheSampleStructureSetWithImageReferences() throws Exception {
        StructureSet set = StructureSetReader.read(RtCorpus.sample("RTSTRUCT.dcm"));
        assertEquals(List.of("BODY", "LUNG_L", "LUNG_R", "SPINALCORD", "HEART", "GTV", "CTV", "PTV"),
            set.rois().stream().map(Roi::name).toList());
        Attributes ct = RtCorpus.sample("CT/CT0001.dcm");
        assertEquals(ct.getString(Tag.FrameOfReferenceUID), set.frameOfReferenceUid());
        assertEquals(ct.getString(Tag.SeriesInstanceUID), set.referencedSeries().seriesInstanceUid());
        assertEquals(ct.getString(Tag.StudyInstanceUID), set.referencedSeries().studyInstanceUid());
        assertEquals(96, set.referencedSeries().images().size());
        Roi body = set.roi("BODY");
        assertEquals("EXTERNAL", body.interpretedType());
        assertEquals(96, body.contours().size());
        Contour bottom = body.contours().get(0);
        assertEquals(List.of(new SopRef(UID.CTImageStorage, ct.getString(Tag.SOPInstanceUID))), bottom.images());
        assertEquals(-118.75, bottom.z());
        // the body is an ellipse with semi-axes 170 x 120 mm: area pi*a*b, less a little for the polygon
        assertEquals(Math.PI * 170 * 120, bottom.axialArea(), 0.002 * Math.PI * 170 * 120);
        assertEquals("PTV", set.roi("PTV").interpretedType());
        assertArrayEquals(new int[] {255, 0, 255}, set.roi("PTV").color());
    }

    @Test
    void rejectsAnotherSopClass() {
        Attributes ct = new Attributes();
        ct.setString(Tag.SOPClassUID, org.consilium.dicom.dict.VR.UI, UID.CTImageStorage);
        DicomException e = assertThrows(DicomException.class, () -> StructureSetReader.read(ct));
        assertEquals(Tag.SOPClassUID, e.tag());
    }

    @Test
    void revisionNamesItsPredecessor() throws Exception {
        Attributes revision = RtCorpus.sample("RTSTRUCT_revised.dcm");
        Attributes original = RtCorpus.sample("RTSTRUCT.dcm");
        Attributes predecessor = revision.getSequence(Tag.PredecessorStructureSetSequence).get(0);
        assertEquals(original.getString(Tag.SOPInstanceUID), predecessor.getString(Tag.ReferencedSOPInstanceUID));
        assertNull(original.getSequence(Tag.PredecessorStructureSetSequence));
        StructureSet a = StructureSetReader.read(original), b = StructureSetReader.read(revision);
        assertEquals(a.frameOfReferenceUid(), b.frameOfReferenceUid());
        for (String unchanged : List.of("BODY", "LUNG_L", "LUNG_R", "HEART", "GTV", "CTV")) {
            assertEquals(a.roi(unchanged).contours(), b.roi(unchanged).contours(), unchanged);
        }
        assertTrue(b.roi("PTV").contours().get(b.roi("PTV").contours().size() / 2).axialArea()
            > a.roi("PTV").contours().get(a.roi("PTV").contours().size() / 2).axialArea());
        assertTrue(b.roi("SPINALCORD").contours().get(0).axialArea() > a.roi("SPINALCORD").contours().get(0).axialArea());
    }
}
