package org.consilium.radiotherapy.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.consilium.archive.InstanceRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.rt.StructureSetReader;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.StoredJson;
import org.consilium.radiotherapy.submission.PlanObjects;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.SubmissionState;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * Expert contours for callers outside radiotherapy (the registry's teaching cases): the structure set an
 * approved review accepted, or the latest RTSTRUCT stored in a study.
 */
@ApplicationScoped
public class ExpertStructureSets {

    @Inject
    Submissions submissions;
    @Inject
    Decisions decisions;
    @Inject
    StudyRecords records;
    @Inject
    PlanObjects objects;

    /**
     * An approved review: its plan, CT and the revision both reviewers signed.
     *
     * @param approvalNote the approving reviewers' notes, as written
     */
    public record ApprovedReview(UUID submissionId, String studyUid, String ctSeriesUid, String diseaseSite,
                                 double prescriptionGy, int fractions, String technique, int revision,
                                 RevisionContent content, String approvalNote) {
    }

    /** The approved review of a submission the caller may see (audited); 404 unseen, 409 when not approved. */
    public ApprovedReview approved(CurrentUser user, UUID submissionId) {
        PlanSubmission s = submissions.require(user, submissionId, "rt.revision.read");
        Integer accepted = decisions.get(user, submissionId).acceptedRevision();
        if (s.state != SubmissionState.APPROVED || accepted == null) {
            throw new ProblemException(ProblemType.CONFLICT, "submission " + submissionId + " is " + s.state
                    + ", not an approved review");
        }
        StructureSetRevision r = StructureSetRevision.find("submissionId = ?1 and number = ?2", s.id, accepted)
                .firstResult();
        RevisionContent content = StoredJson.read(r.content, new com.fasterxml.jackson.core.type.TypeReference<>() {});
        @SuppressWarnings("unchecked")
        List<Object> notes = StructureSetRevision.getEntityManager().createNativeQuery("select coalesce(note, '') from"
                + " rt_decision where submission_id = ?1 and action = 'APPROVE' order by decided_at")
                .setParameter(1, s.id).getResultList();
        String note = String.join("\n", notes.stream().map(String::valueOf).filter(n -> !n.isBlank()).toList());
        return new ApprovedReview(s.id, s.studyUid, s.ctSeriesUid, s.diseaseSite, s.prescriptionGy, s.fractions,
                s.technique, accepted, content, note);
    }

    /** The last RTSTRUCT the archive holds in a study (callers check access first), if it has one. */
    public Optional<RevisionContent> latestInStudy(String studyUid) {
        List<InstanceRecord> structs = records.instances(studyUid).stream()
                .filter(i -> UID.RTStructureSetStorage.equals(i.sopClassUid())).toList();
        if (structs.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RevisionContent.of(StructureSetReader.read(objects.whole(structs.get(structs.size() - 1)))));
        } catch (DicomException e) {
            return Optional.empty();
        }
    }
}
