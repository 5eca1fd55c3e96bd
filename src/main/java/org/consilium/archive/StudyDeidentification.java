package org.consilium.archive;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * Several studies of one patient (a consult's) de-identified together: one mapping and one pseudonym, so that
     * references between them, the patient and the date offset stay consistent; each becomes a new study. Only
     * instances of the given modalities are taken ({@code modalities} empty: all), e.g. the images of a teaching
     * case without the structure set it is exercised on. {@code replacedUids} maps each original UID met to its
     * replacement, for callers that carry references over (a teaching case's expert contours); it is never shown
     * to users, since it links the new study to the patient's.
     *
     * @throws java.util.NoSuchElementException when a study has no stored instance of those modalities
     */
    Batch deidentifyTogether(List<String> studyUids, Set<String> modalities, UUID hospitalId, String pseudonymId,
                             String pseudonymName, Options options, AuditActor actor)
            throws DeidentificationRefusedException, IngestException, IOException;

    /** The new studies of {@link #deidentifyTogether}, in the order asked, and the UIDs replaced. */
    record Batch(List<DeidentifiedStudy> studies, Map<String, String> replacedUids) {
    }
}
