package org.consilium.archive.store;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;

/**
 * Which attributes belong to the study and series levels (PS3.4 C.6.1.1 and PS3.18 Table 10.6.3-3).
 * Sequences are kept only where we match on them ({@link MatchingKeys#SEQUENCES}).
 */
final class LevelAttributes {

    static final int[] STUDY = {
        Tag.SpecificCharacterSet, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.IssuerOfAccessionNumberSequence,
        Tag.ModalitiesInStudy, Tag.ReferringPhysicianName, Tag.StudyDescription, Tag.PatientName, Tag.PatientID,
        Tag.IssuerOfPatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.OtherPatientIDs, Tag.PatientAge,
        Tag.PatientSize, Tag.PatientWeight, Tag.EthnicGroup, Tag.PatientComments, Tag.StudyInstanceUID, Tag.StudyID,
        Tag.InstitutionName, Tag.ProcedureCodeSequence};

    static final int[] SERIES = {
        Tag.SpecificCharacterSet, Tag.SeriesDate, Tag.SeriesTime, Tag.Modality, Tag.SeriesDescription,
        Tag.BodyPartExamined, Tag.SeriesInstanceUID, Tag.SeriesNumber, Tag.Laterality,
        Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime, Tag.FrameOfReferenceUID,
        Tag.Manufacturer, Tag.StationName, Tag.OperatorsName, Tag.RequestAttributesSequence};

    private LevelAttributes() {
    }

    static Attributes select(Attributes from, int[] tags) {
        Attributes out = new Attributes(tags.length);
        for (int tag : tags) {
            if (!from.contains(tag)) {
                continue;
            }
            Object value = from.getValue(tag);
            if (!(value instanceof Sequence) || MatchingKeys.SEQUENCES.containsKey(tag)) {
                out.setValue(tag, from.vrOf(tag), value);
            }
        }
        return out;
    }
}
