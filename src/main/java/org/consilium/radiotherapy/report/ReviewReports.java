package org.consilium.radiotherapy.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.IngestException;
import org.consilium.archive.InstanceDelivery;
import org.consilium.archive.StudyRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.document.CjkFont;
import org.consilium.platform.document.DocumentLanguage;
import org.consilium.radiotherapy.review.Decisions;
import org.consilium.radiotherapy.review.ReviewNumbers;
import org.consilium.radiotherapy.review.RevisionView;
import org.consilium.radiotherapy.review.Revisions;
import org.consilium.radiotherapy.submission.SubmissionState;
import org.consilium.radiotherapy.submission.SubmissionView;
import org.consilium.radiotherapy.submission.SubmissionVisibility;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * The review summary of a plan: assembled from the submission, its lineage, metrics, dose review and
 * decision (each read checked and audited as its own route does), rendered as a PDF for whoever may see the
 * plan, and stored by a reviewer or case manager as DICOM Encapsulated PDF in the plan's study once the
 * review has decided (returned or approved).
 */
@ApplicationScoped
public class ReviewReports {

    /** Series Number of stored summaries: 950 + the submission version. */
    private static final int SERIES_BASE = 950;
    private static final double METRIC_SPACING = 1;
    private static final double SURFACE_TOLERANCE = 2;

    @Inject
    Submissions submissions;
    @Inject
    SubmissionVisibility visibility;
    @Inject
    Revisions revisions;
    @Inject
    ReviewNumbers numbers;
    @Inject
    Decisions decisions;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    StudyRecords studies;
    @Inject
    InstanceDelivery archive;
    @Inject
    AuditLog audit;

    private volatile ReviewSummaryPdf renderer;

    /** Where a stored summary is. */
    public record Stored(String studyInstanceUid, String sopInstanceUid, int submissionVersion, String language) {
    }

    /** The summary as a PDF (audited as a download). */
    public byte[] pdf(CurrentUser user, UUID id, DocumentLanguage language) {
        ReviewSummary s = summary(user, id, language);
        byte[] pdf = renderer().render(s, language);
        audit.record(user.asActor(), s.plan().hospitalId(), "rt.report.download", Submissions.TARGET + id,
                Outcome.SUCCESS, "revision " + s.fromRevision() + " -> " + s.toRevision() + " " + language.tag);
        return pdf;
    }

    /** Stores the Chinese summary with the study; reviewers and case managers, once the review decided. */
    public Stored store(CurrentUser user, UUID id) {
        SubmissionView plan = submissions.get(user, id);
        if (!visibility.coordinates(user) && !visibility.isReviewer(id, user.id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the assigned reviewers and case managers store the summary");
        }
        if (plan.state() != SubmissionState.APPROVED && plan.state() != SubmissionState.RETURNED) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "the summary is stored once the plan is returned or "
                    + "approved, not " + plan.state());
        }
        ReviewSummary s = summary(user, id, DocumentLanguage.ZH_CN);
        byte[] pdf = renderer().render(s, DocumentLanguage.ZH_CN);
        try {
            String sop = archive.storePdf(pdf, studyRecord(plan.studyInstanceUid()), s.hospital(),
                    SERIES_BASE + plan.submissionVersion(), "放疗计划审核报告", s.issued(), plan.hospitalId(), user.asActor());
            audit.record(user.asActor(), plan.hospitalId(), "rt.report.store", Submissions.TARGET + id, Outcome.SUCCESS,
                    "study " + plan.studyInstanceUid() + " instance " + sop);
            return new Stored(plan.studyInstanceUid(), sop, plan.submissionVersion(), DocumentLanguage.ZH_CN.tag);
        } catch (IngestException e) {
            throw new ProblemException(ProblemType.CONFLICT, "the archive refused the summary: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the review summary", e);
        }
    }

    ReviewSummary summary(CurrentUser user, UUID id, DocumentLanguage language) {
        SubmissionView plan = submissions.get(user, id);
        List<RevisionView> lineage = revisions.lineage(user, id);
        if (lineage.isEmpty()) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "the plan has no structure set yet (" + plan.state() + ")");
        }
        Decisions.DecisionView decision = decisions.get(user, id);
        int from = lineage.stream().filter(r -> r.submissionVersion() == plan.submissionVersion()
                        && !r.kind().equals("EXPERT")).mapToInt(RevisionView::number).findFirst()
                .orElse(lineage.get(0).number());
        int to = decision.acceptedRevision() != null ? decision.acceptedRevision() : lineage.get(lineage.size() - 1).number();
        String hospital = hospitals.byId(plan.hospitalId()).map(h -> language == DocumentLanguage.EN && h.nameEn() != null
                ? h.nameEn() : h.name()).orElse(null);
        return new ReviewSummary(plan, hospital, from, to,
                numbers.metrics(user, id, from, to, METRIC_SPACING, SURFACE_TOLERANCE), numbers.dose(user, id, to),
                decision, Instant.now());
    }

    private StudyRecord studyRecord(String studyUid) {
        return studies.study(studyUid).orElseGet(() -> new StudyRecord(studyUid, null, null, null, null, null, null, null,
                null, null, null));
    }

    private ReviewSummaryPdf renderer() {
        ReviewSummaryPdf r = renderer;
        if (r == null) {
            try {
                r = new ReviewSummaryPdf(CjkFont.locate());
            } catch (RuntimeException e) {
                throw new ProblemException(ProblemType.INTERNAL, "no CJK font for the review summary: " + e.getMessage(), e);
            }
            renderer = r;
        }
        return r;
    }
}
