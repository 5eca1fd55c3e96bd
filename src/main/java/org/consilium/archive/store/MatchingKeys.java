package org.consilium.archive.store;

import java.util.Map;
import java.util.Set;
import org.consilium.dicom.dict.Tag;

/**
 * The attributes we match on, per level, and how (PS3.4 C.2.2.2). docs/conformance.md lists the same table.
 * Other attributes may be requested as return keys but do not filter.
 */
final class MatchingKeys {

    enum Kind { UID_LIST, WILDCARD, PERSON_NAME, DATE_RANGE, INTEGER, MODALITY_IN_STUDY }

    record Key(QueryLevel level, String column, Kind kind) {
    }

    static final Map<Integer, Key> KEYS = Map.ofEntries(
            Map.entry(Tag.StudyInstanceUID, new Key(QueryLevel.STUDY, "s.study_uid", Kind.UID_LIST)),
            Map.entry(Tag.PatientName, new Key(QueryLevel.STUDY, "p", Kind.PERSON_NAME)),
            Map.entry(Tag.PatientID, new Key(QueryLevel.STUDY, "p.patient_id", Kind.WILDCARD)),
            Map.entry(Tag.IssuerOfPatientID, new Key(QueryLevel.STUDY, "p.issuer", Kind.WILDCARD)),
            Map.entry(Tag.PatientBirthDate, new Key(QueryLevel.STUDY, "p.birth_date", Kind.DATE_RANGE)),
            Map.entry(Tag.PatientSex, new Key(QueryLevel.STUDY, "p.sex", Kind.WILDCARD)),
            Map.entry(Tag.StudyDate, new Key(QueryLevel.STUDY, "s.study_date", Kind.DATE_RANGE)),
            Map.entry(Tag.AccessionNumber, new Key(QueryLevel.STUDY, "s.accession_number", Kind.WILDCARD)),
            Map.entry(Tag.StudyID, new Key(QueryLevel.STUDY, "s.study_id", Kind.WILDCARD)),
            Map.entry(Tag.StudyDescription, new Key(QueryLevel.STUDY, "s.description", Kind.WILDCARD)),
            Map.entry(Tag.ReferringPhysicianName, new Key(QueryLevel.STUDY, "s.referring_physician", Kind.WILDCARD)),
            Map.entry(Tag.ModalitiesInStudy, new Key(QueryLevel.STUDY, "s.id", Kind.MODALITY_IN_STUDY)),
            Map.entry(Tag.SeriesInstanceUID, new Key(QueryLevel.SERIES, "se.series_uid", Kind.UID_LIST)),
            Map.entry(Tag.Modality, new Key(QueryLevel.SERIES, "se.modality", Kind.WILDCARD)),
            Map.entry(Tag.SeriesNumber, new Key(QueryLevel.SERIES, "se.series_number", Kind.INTEGER)),
            Map.entry(Tag.SeriesDescription, new Key(QueryLevel.SERIES, "se.description", Kind.WILDCARD)),
            Map.entry(Tag.BodyPartExamined, new Key(QueryLevel.SERIES, "se.body_part", Kind.WILDCARD)),
            Map.entry(Tag.SOPInstanceUID, new Key(QueryLevel.IMAGE, "i.sop_instance_uid", Kind.UID_LIST)),
            Map.entry(Tag.SOPClassUID, new Key(QueryLevel.IMAGE, "i.sop_class_uid", Kind.UID_LIST)),
            Map.entry(Tag.InstanceNumber, new Key(QueryLevel.IMAGE, "i.instance_number", Kind.INTEGER)));

    /** A sequence we match on (PS3.4 C.2.2.2.6): its level, the column holding it, and its item keys. */
    record SequenceKey(QueryLevel level, String column, Set<Integer> itemKeys) {
    }

    /**
     * Sequences matched where sensible: the procedure code of a study, and the request a series was made
     * for (Requested Procedure ID and Scheduled Procedure Step ID, as a modality worklist hands them on).
     * Item keys are matched by single value or wildcard; other item keys are universal.
     */
    static final Map<Integer, SequenceKey> SEQUENCES = Map.of(
            Tag.ProcedureCodeSequence, new SequenceKey(QueryLevel.STUDY, "s.attributes",
                    Set.of(Tag.CodeValue, Tag.CodingSchemeDesignator, Tag.CodeMeaning)),
            Tag.RequestAttributesSequence, new SequenceKey(QueryLevel.SERIES, "se.attributes",
                    Set.of(Tag.RequestedProcedureID, Tag.ScheduledProcedureStepID, Tag.AccessionNumber,
                            Tag.RequestedProcedureDescription, Tag.ScheduledProcedureStepDescription)));

    private MatchingKeys() {
    }
}
