package org.consilium.archive;

import java.io.IOException;
import java.util.UUID;
import org.consilium.audit.AuditActor;

/**
 * The archive's de-identification API for other capabilities (teaching cases, research exports): a stored
 * study becomes a NEW study in the archive, de-identified per DICOM PS3.15 Annex E (Basic Application Level
 * Confidentiality Profile with the options chosen), owned by {@code hospitalId}. The source study is left as
 * it was. Instances are processed one at a time through temporary files, never the whole study in memory.
 * Callers check their own access rules first; the de-identification itself is audited here.
 */
public interface StudyDeidentification {

    /**
     * The options of PS3.15 Annex E we offer (all false: the Basic Profile alone).
     *
     * @param retainLongitudinalModifiedDates dates moved by a per-patient offset instead of removed
     * @param cleanDescriptors               descriptions kept, cleaned of identifying words, instead of removed
     * @param retainPrivate                  private attributes kept (the result then does not conform)
     * @param acceptBurnedInAnnotation       images with Burned In Annotation YES de-identified all the same
     */
    record Options(boolean retainLongitudinalModifiedDates, boolean cleanDescriptors, boolean retainPrivate,
                   boolean acceptBurnedInAnnotation) {
        public static final Options BASIC = new Options(false, false, false, false);
    }

    /** What was made: the new study's UID and how many instances it holds. */
    record DeidentifiedStudy(String sourceStudyUid, String studyUid, int instances) {
    }

    /**
     * De-identifies every instance of {@code studyUid} with one mapping, so that series, Frames of Reference
     * and RT references stay consistent, and stores the results for {@code hospitalId}. Nothing is stored when
     * an instance is refused (Burned In Annotation YES without {@link Options#acceptBurnedInAnnotation()}).
     * The pseudonym replaces Patient ID and Patient's Name: printable ASCII, at most 64 characters each.
     *
     * @throws java.util.NoSuchElementException when the archive holds no instance of the study
     * @throws IllegalArgumentException         when the pseudonym is not acceptable
     */
    DeidentifiedStudy deidentify(String studyUid, UUID hospitalId, String pseudonymId, String pseudonymName,
                                 Options options, AuditActor actor)
            throws DeidentificationRefusedException, IngestException, IOException;
}
