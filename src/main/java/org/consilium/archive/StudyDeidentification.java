package org.consilium.archive;

import java.io.IOException;
import java.util.UUID;
import org.consilium.audit.AuditActor;
import org.consilium.dicom.deid.BurnedInAnnotationException;
import org.consilium.dicom.deid.DeidOptions;
import org.consilium.dicom.deid.Pseudonym;

/**
 * The archive's de-identification API for other capabilities (teaching cases, research exports): a stored
 * study becomes a NEW study in the archive, de-identified per DICOM PS3.15 Annex E (Basic Application Level
 * Confidentiality Profile with the options chosen), owned by {@code hospitalId}. The source study is left as
 * it was. Instances are processed one at a time through temporary files, never the whole study in memory.
 * Callers check their own access rules first; the de-identification itself is audited here.
 */
public interface StudyDeidentification {

    /** What was made: the new study's UID and how many instances it holds. */
    record DeidentifiedStudy(String sourceStudyUid, String studyUid, int instances) {
    }

    /**
     * De-identifies every instance of {@code studyUid} with one mapping, so that series, Frames of Reference
     * and RT references stay consistent, and stores the results for {@code hospitalId}. Nothing is stored when
     * an instance is refused (Burned In Annotation YES without {@link DeidOptions#acceptBurnedInAnnotation()}).
     *
     * @throws java.util.NoSuchElementException when the archive holds no instance of the study
     */
    DeidentifiedStudy deidentify(String studyUid, UUID hospitalId, Pseudonym pseudonym, DeidOptions options,
                                 AuditActor actor) throws BurnedInAnnotationException, IngestException, IOException;
}
