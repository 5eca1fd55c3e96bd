package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;

/**
 * Reads an RT Structure Set data set into a {@link StructureSet}. ROIs come from the Structure Set ROI
 * Sequence; contours and colour from the ROI Contour Sequence and the interpreted type from the RT ROI
 * Observations Sequence, both matched by Referenced ROI Number. Contours of an ROI number that the Structure
 * Set ROI Sequence does not list are an error; an ROI without contours is kept with none.
 */
public final class StructureSetReader {

    private StructureSetReader() {}

    public static StructureSet read(Attributes ds) throws DicomException {
        try {
            return readChecked(ds);
        } catch (NumberFormatException e) {
            throw new MalformedDicomException(e.getMessage(), DicomException.NO_TAG, DicomException.NO_OFFSET);
        }
    }

    private static StructureSet readChecked(Attributes ds) throws DicomException {
        String sopClass = ds.getString(Tag.SOPClassUID, "");
        if (!sopClass.equals(UID.RTStructureSetStorage)) {
            throw new MalformedDicomException("not an RT Structure Set: SOP Class " + sopClass, Tag.SOPClassUID,
                DicomException.NO_OFFSET);
        }
        Map<Integer, List<Contour>> contours = new HashMap<>();
        Map<Integer, int[]> colors = new HashMap<>();
        for (Attributes item : items(ds, Tag.ROIContourSequence)) {
            int roi = requiredInt(item, Tag.ReferencedROINumber);
            int[] color = item.getInts(Tag.ROIDisplayColor);
            if (color.length == 3) {
                colors.put(roi, color);
            }
            List<Contour> list = contours.computeIfAbsent(roi, k -> new ArrayList<>());
            for (Attributes c : items(item, Tag.ContourSequence)) {
                list.add(contour(c));
            }
        }
        Map<Integer, String> types = new HashMap<>();
        for (Attributes item : items(ds, Tag.RTROIObservationsSequence)) {
            types.putIfAbsent(requiredInt(item, Tag.ReferencedROINumber),
                item.getString(Tag.RTROIInterpretedType, ""));
        }
        List<Roi> rois = new ArrayList<>();
        String frameOfReference = null;
        for (Attributes item : items(ds, Tag.StructureSetROISequence)) {
            int number = requiredInt(item, Tag.ROINumber);
            if (frameOfReference == null) {
                frameOfReference = item.getString(Tag.ReferencedFrameOfReferenceUID);
            }
            rois.add(new Roi(number, item.getString(Tag.ROIName, ""), colors.get(number),
                types.getOrDefault(number, ""), item.getString(Tag.ROIGenerationAlgorithm, ""),
                contours.getOrDefault(number, List.of())));
        }
        for (Integer number : contours.keySet()) {
            if (rois.stream().noneMatch(r -> r.number() == number)) {
                throw new MalformedDicomException("ROI Contour for ROI " + number
                    + " missing from the Structure Set ROI Sequence", Tag.ReferencedROINumber, DicomException.NO_OFFSET);
            }
        }
        Attributes frame = first(ds, Tag.ReferencedFrameOfReferenceSequence);
        if (frame != null && frame.getString(Tag.FrameOfReferenceUID) != null) {
            frameOfReference = frame.getString(Tag.FrameOfReferenceUID);
        }
        return new StructureSet(ds.getString(Tag.StructureSetLabel, ""), ds.getString(Tag.StructureSetName, ""),
            ds.getString(Tag.StructureSetDescription, ""), frameOfReference, referencedSeries(frame), rois);
    }

    private static ReferencedSeries referencedSeries(Attributes frame) {
        Attributes study = frame == null ? null : first(frame, Tag.RTReferencedStudySequence);
        Attributes series = study == null ? null : first(study, Tag.RTReferencedSeriesSequence);
        if (series == null) {
            return null;
        }
        return new ReferencedSeries(study.getString(Tag.ReferencedSOPInstanceUID),
            series.getString(Tag.SeriesInstanceUID), sopRefs(series, Tag.ContourImageSequence));
    }

    private static Contour contour(Attributes c) throws DicomException {
        double[] points = c.getDoubles(Tag.ContourData);
        if (points.length % 3 != 0) {
            throw new MalformedDicomException("Contour Data holds " + points.length + " values, not x/y/z triples",
                Tag.ContourData, DicomException.NO_OFFSET);
        }
        int declared = c.getInt(Tag.NumberOfContourPoints, points.length / 3);
        if (declared != points.length / 3) {
            throw new MalformedDicomException("Number of Contour Points " + declared + " but " + points.length / 3
                + " points", Tag.NumberOfContourPoints, DicomException.NO_OFFSET);
        }
        return new Contour(c.getString(Tag.ContourGeometricType, ""), points, sopRefs(c, Tag.ContourImageSequence));
    }

    static List<SopRef> sopRefs(Attributes item, int sequenceTag) {
        List<SopRef> refs = new ArrayList<>();
        for (Attributes ref : items(item, sequenceTag)) {
            refs.add(new SopRef(ref.getString(Tag.ReferencedSOPClassUID), ref.getString(Tag.ReferencedSOPInstanceUID)));
        }
        return refs;
    }

    static List<Attributes> items(Attributes ds, int tag) {
        Sequence seq = ds.getSequence(tag);
        return seq == null ? List.of() : seq;
    }

    static Attributes first(Attributes ds, int tag) {
        Sequence seq = ds.getSequence(tag);
        return seq == null || seq.isEmpty() ? null : seq.get(0);
    }

    private static int requiredInt(Attributes item, int tag) throws DicomException {
        int[] v;
        try {
            v = item.getInts(tag);
        } catch (NumberFormatException e) {
            throw new MalformedDicomException(e.getMessage(), tag, DicomException.NO_OFFSET);
        }
        if (v.length == 0) {
            throw new MalformedDicomException("missing " + Tag.toString(tag), tag, DicomException.NO_OFFSET);
        }
        return v[0];
    }
}
