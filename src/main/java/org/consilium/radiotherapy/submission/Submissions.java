package org.consilium.radiotherapy.submission;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.StoredJson;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/** Plan submissions: submit, read and list, each checked against the caller's scope and audited. */
@ApplicationScoped
public class Submissions {

    public static final String TARGET = "rt-submission:";

    @Inject
    SubmissionVisibility visibility;
    @Inject
    AuditLog audit;
    @Inject
    Resubmissions resubmissions;

    @Transactional
    public SubmissionView submit(CurrentUser user, SubmissionRequest r) {
        HospitalView hospital = user.hospital().orElse(null);
        if (!user.hasRole(Role.RT_STAFF) || hospital == null || hospital.level() != HospitalLevel.COUNTY) {
            audit.record(user.asActor(), hospital == null ? null : hospital.id(), "rt.submission.create",
                    "study:" + r.studyInstanceUid(), Outcome.DENIED, "not rt-staff of a county hospital");
            throw new ProblemException(ProblemType.FORBIDDEN, "only radiotherapy staff of a county hospital submit plans");
        }
        if (PlanSubmission.count("studyUid = ?1 and state in ?2", r.studyInstanceUid(), SubmissionStates.OPEN) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "study " + r.studyInstanceUid()
                    + " already has a submission under way");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        PlanSubmission s = new PlanSubmission();
        s.id = UuidV7.next();
        s.hospitalId = hospital.id();
        s.studyUid = r.studyInstanceUid();
        s.state = SubmissionState.AWAITING_OBJECTS;
        s.diseaseSite = r.diseaseSite();
        s.prescriptionGy = r.prescription().totalDoseGy();
        s.fractions = r.prescription().fractions();
        s.technique = r.technique();
        s.clinicalNotes = r.clinicalNotes();
        s.question = r.question();
        s.submittedById = user.id();
        s.submittedBy = user.displayName();
        s.awaiting = StoredJson.write(List.of("CT", "RTSTRUCT", "RTPLAN", "RTDOSE"));
        s.findings = "[]";
        s.checkedInstances = -1;
        s.createdAt = now;
        s.updatedAt = now;
        s.submissionVersion = 1;
        s.persist();
        resubmissions.recordFirst(s);
        audit.record(user.asActor(), s.hospitalId, "rt.submission.create", TARGET + s.id, Outcome.SUCCESS,
                "study " + s.studyUid);
        return view(s);
    }

    /** The submission if the caller may see it (audited as a PHI read); 404 otherwise. */
    public SubmissionView get(CurrentUser user, UUID id) {
        return view(require(user, id, "rt.submission.read"));
    }

    /** Loads a submission the caller may see, auditing the access under {@code action}; 404 otherwise. */
    public PlanSubmission require(CurrentUser user, UUID id, String action) {
        PlanSubmission s = PlanSubmission.findById(id);
        if (s == null || !visibility.maySee(user, s)) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action, TARGET + id,
                    Outcome.DENIED, s == null ? "no such submission" : "not visible to the caller");
            throw ProblemException.notFound("submission " + id);
        }
        audit.record(user.asActor(), s.hospitalId, action, TARGET + id, Outcome.SUCCESS, null);
        return s;
    }

    /** Submissions the caller may see, newest first: own hospital's; coordinators all; reviewers theirs. */
    public Page<SubmissionView> list(CurrentUser user, SubmissionState state, int offset, int limit) {
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (!visibility.coordinates(user)) {
            params.add(own);
            params.add(user.id());
            where.append(" and (hospitalId = ?1 or id in (select r.submissionId from SubmissionReviewer r where r.userId = ?2))");
        }
        if (state != null) {
            params.add(state);
            where.append(" and state = ?").append(params.size());
        }
        var query = PlanSubmission.<PlanSubmission>find(where + " order by createdAt desc", params.toArray());
        long total = query.count();
        List<SubmissionView> items = query.range(offset, offset + limit - 1).list().stream().map(Submissions::view).toList();
        audit.record(user.asActor(), own, "rt.submission.list", "rt-submissions", Outcome.SUCCESS,
                items.size() + " of " + total);
        return new Page<>(items, total, offset, limit);
    }

    /**
     * The approved plans of these studies, newest approval first, for a capability that has already decided the
     * caller may see the patient and audits that read itself.
     */
    public List<ApprovedCourse> approvedCourses(java.util.Collection<String> studyUids) {
        if (studyUids.isEmpty()) {
            return List.of();
        }
        return PlanSubmission.<PlanSubmission>list("state = ?1 and studyUid in ?2 order by decidedAt desc nulls last",
                SubmissionState.APPROVED, List.copyOf(studyUids)).stream()
                .map(s -> new ApprovedCourse(s.id, s.hospitalId, s.studyUid, s.diseaseSite, s.prescriptionGy,
                        s.fractions, s.technique, s.decidedAt != null ? s.decidedAt : s.updatedAt)).toList();
    }

    static SubmissionView view(PlanSubmission s) {
        return new SubmissionView(s.id, s.hospitalId, s.studyUid, s.state, s.diseaseSite,
                new Prescription(s.prescriptionGy, s.fractions), s.technique, s.clinicalNotes, s.question, s.priority,
                s.submittedBy, new SubmissionView.PlanObjectUids(s.ctSeriesUid, s.rtstructUid, s.rtplanUid, s.rtdoseUid),
                StoredJson.read(s.awaiting, new TypeReference<List<String>>() {}), StoredJson.read(s.findings, new TypeReference<List<Finding>>() {}),
                s.createdAt, s.updatedAt, s.objectsCompleteAt, s.version, s.submissionVersion,
                SlaClock.of(s, Instant.now()));
    }


}
