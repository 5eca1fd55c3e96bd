package org.consilium.dicom.rt;

import java.time.LocalDateTime;
import java.util.List;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;

/**
 * Writes a {@link StructureSet} as a new RT Structure Set SOP instance (PS3.3 A.19): Patient and General
 * Study from the referenced images, a new RT Series, the Structure Set module with the Referenced Frame of
 * Reference Sequence → RT Referenced Study → RT Referenced Series → Contour Image Sequence, the Structure
 * Set ROI, ROI Contour (with a Contour Image Sequence per contour) and RT ROI Observations sequences, and
 * SOP Common. This is how revised contours leave the system.
 */
public final class StructureSetWriter {

    /**
     * Who and when the new instance is.
     *
     * @param sopInstanceUid    the new SOP Instance UID
     * @param seriesInstanceUid the RT Series it belongs to
     * @param seriesNumber      Series Number
     * @param instanceNumber    Instance Number
     * @param created           Structure Set Date/Time, Instance Creation and Series Date/Time
     * @param seriesDescription Series Description, or null
     * @param predecessor       the structure set this one revises (Predecessor Structure Set Sequence), or null
     */
    public record Identity(String sopInstanceUid, String seriesInstanceUid, int seriesNumber, int instanceNumber,
                           LocalDateTime created, String seriesDescription, SopRef predecessor) {
    }

    /** Attributes of the Patient and General Study modules copied from the referenced images. */
    static final int[] PATIENT_AND_STUDY = {
        Tag.SpecificCharacterSet, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.ReferringPhysicianName,
        Tag.StudyDescription, Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate,
        Tag.PatientSex, Tag.StudyInstanceUID, Tag.StudyID};

    static final String MANUFACTURER = "Consilium";

    private StructureSetWriter() {}

    /**
     * The new instance.
     *
     * @param set         the content; its frame of reference and referenced series are written as given
     * @param patientStudy a data set of the referenced study (for example one of its CT images), from which
     *                    the Patient and General Study attributes are copied
     * @param id          the new instance's identity
     */
    public static Attributes write(StructureSet set, Attributes patientStudy, Identity id) {
        Attributes ds = new Attributes(48);
        copy(patientStudy, ds, PATIENT_AND_STUDY);
        LocalDateTime created = id.created().withNano(0);
        ds.setDate(Tag.InstanceCreationDate, created.toLocalDate());
        ds.setTime(Tag.InstanceCreationTime, created.toLocalTime());
        ds.setString(Tag.SOPClassUID, VR.UI, UID.RTStructureSetStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, id.sopInstanceUid());
        ds.setDate(Tag.SeriesDate, created.toLocalDate());
        ds.setTime(Tag.SeriesTime, created.toLocalTime());
        ds.setString(Tag.Modality, VR.CS, "RTSTRUCT");
        ds.setString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        if (id.seriesDescription() != null) {
            ds.setString(Tag.SeriesDescription, VR.LO, id.seriesDescription());
        }
        ds.setString(Tag.OperatorsName, VR.PN);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, id.seriesInstanceUid());
        ds.setInt(Tag.SeriesNumber, VR.IS, id.seriesNumber());
        ds.setInt(Tag.InstanceNumber, VR.IS, id.instanceNumber());
        // Frame of Reference module, part of the IOD since CP-1911 (PS3.3 A.19.3)
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, set.frameOfReferenceUid());
        Object indicator = patientStudy.getValue(Tag.PositionReferenceIndicator);
        ds.setValue(Tag.PositionReferenceIndicator, VR.LO, indicator != null ? indicator : new String[0]);
        writeStructureSetModule(set, ds, created, id.predecessor());
        writeRois(set, ds);
        return ds;
    }

    private static void writeStructureSetModule(StructureSet set, Attributes ds, LocalDateTime created,
                                                SopRef predecessor) {
        ds.setString(Tag.StructureSetLabel, VR.SH, set.label());
        if (!set.name().isEmpty()) {
            ds.setString(Tag.StructureSetName, VR.LO, set.name());
        }
        if (!set.description().isEmpty()) {
            ds.setString(Tag.StructureSetDescription, VR.ST, set.description());
        }
        ds.setDate(Tag.StructureSetDate, created.toLocalDate());
        ds.setTime(Tag.StructureSetTime, created.toLocalTime());
        Attributes frame = ds.newSequence(Tag.ReferencedFrameOfReferenceSequence).addItem();
        frame.setString(Tag.FrameOfReferenceUID, VR.UI, set.frameOfReferenceUid());
        ReferencedSeries series = set.referencedSeries();
        // PS3.3 C.8.8.5: the RT Referenced Series needs its Contour Image Sequence (Type 1); without images, name none
        if (series != null && !series.images().isEmpty()) {
            Attributes study = frame.newSequence(Tag.RTReferencedStudySequence).addItem();
            // PS3.3 C.8.8.5.3: the study is referenced with the (retired) Detached Study Management SOP Class
            study.setString(Tag.ReferencedSOPClassUID, VR.UI, UID.DetachedStudyManagement);
            study.setString(Tag.ReferencedSOPInstanceUID, VR.UI, series.studyInstanceUid());
            Attributes seriesItem = study.newSequence(Tag.RTReferencedSeriesSequence).addItem();
            seriesItem.setString(Tag.SeriesInstanceUID, VR.UI, series.seriesInstanceUid());
            writeRefs(seriesItem, Tag.ContourImageSequence, series.images());
        }
        if (predecessor != null) {
            writeRefs(ds, Tag.PredecessorStructureSetSequence, List.of(predecessor));
        }
    }

    private static void writeRois(StructureSet set, Attributes ds) {
        Sequence roiSeq = ds.newSequence(Tag.StructureSetROISequence);
        Sequence contourSeq = ds.newSequence(Tag.ROIContourSequence);
        Sequence observations = ds.newSequence(Tag.RTROIObservationsSequence);
        for (Roi roi : set.rois()) {
            Attributes r = roiSeq.addItem();
            r.setInt(Tag.ROINumber, VR.IS, roi.number());
            r.setString(Tag.ReferencedFrameOfReferenceUID, VR.UI, set.frameOfReferenceUid());
            r.setString(Tag.ROIName, VR.LO, roi.name());
            r.setString(Tag.ROIGenerationAlgorithm, VR.CS, roi.generationAlgorithm());

            Attributes rc = contourSeq.addItem();
            if (roi.color() != null) {
                rc.setInt(Tag.ROIDisplayColor, VR.IS, roi.color());
            }
            if (!roi.contours().isEmpty()) {
                Sequence contours = rc.newSequence(Tag.ContourSequence, VR.SQ, roi.contours().size());
                int n = 1;
                for (Contour c : roi.contours()) {
                    Attributes item = contours.addItem();
                    writeRefs(item, Tag.ContourImageSequence, c.images());
                    item.setString(Tag.ContourGeometricType, VR.CS, c.geometricType());
                    item.setInt(Tag.NumberOfContourPoints, VR.IS, c.pointCount());
                    item.setInt(Tag.ContourNumber, VR.IS, n++);
                    item.setDouble(Tag.ContourData, VR.DS, c.points());
                }
            }
            rc.setInt(Tag.ReferencedROINumber, VR.IS, roi.number());

            Attributes o = observations.addItem();
            o.setInt(Tag.ObservationNumber, VR.IS, roi.number());
            o.setInt(Tag.ReferencedROINumber, VR.IS, roi.number());
            o.setString(Tag.RTROIInterpretedType, VR.CS, roi.interpretedType());
            o.setString(Tag.ROIInterpreter, VR.PN);
        }
    }

    private static void writeRefs(Attributes into, int sequenceTag, List<SopRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        Sequence seq = into.newSequence(sequenceTag, VR.SQ, refs.size());
        for (SopRef ref : refs) {
            Attributes item = seq.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, ref.sopClassUid());
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid());
        }
    }

    /** Copies the elements present in {@code from}; Type 2 ones (PS3.3 C.7.1.1, C.7.2.1) are written empty if absent. */
    static void copy(Attributes from, Attributes to, int[] tags) {
        for (int tag : tags) {
            Object value = from.getValue(tag);
            if (value != null) {
                to.setValue(tag, from.vrOf(tag), value);
            } else if (TYPE_2.contains(tag)) {
                to.setString(tag, org.consilium.dicom.dict.ElementDictionary.vrOf(tag));
            }
        }
    }

    private static final java.util.Set<Integer> TYPE_2 = java.util.Set.of(Tag.StudyDate, Tag.StudyTime,
        Tag.AccessionNumber, Tag.ReferringPhysicianName, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate,
        Tag.PatientSex, Tag.StudyID);
}
