package org.consilium.radiotherapy.submission;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.consilium.platform.StoredJson;
import org.consilium.archive.StudyAccess;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.radiotherapy.review.Revisions;
import org.jboss.logging.Logger;

/**
 * Moves waiting submissions on when their study changes, whatever order the objects arrive in: every poll
 * interval it counts each waiting study's instances in the archive and, when the count changed, looks for
 * the plan again; once every object is there it runs the consistency checks, grants the provincial
 * hospitals read access to the study and puts the submission in the review queue (or BLOCKED on errors).
 * Any replica may run it; the version column keeps two from writing the same submission.
 */
@ApplicationScoped
public class SubmissionArrivals {

    private static final Logger LOG = Logger.getLogger(SubmissionArrivals.class);

    @Inject
    PlanObjects objects;
    @Inject
    StudyAccess studies;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    Revisions revisions;
    @Inject
    Resubmissions resubmissions;
    @Inject
    ReviewNotices notices;
    @Inject
    ReviewQueue queue;

    @Scheduled(every = "${consilium.radiotherapy.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<UUID> waiting = PlanSubmission.<PlanSubmission>list("state in ?1", SubmissionStates.WAITING).stream()
                .map(s -> s.id).toList();
        for (UUID id : waiting) {
            try {
                advance(id);
            } catch (OptimisticLockException e) {
                LOG.debugf("submission %s advanced elsewhere", id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "cannot check submission %s", id);
            }
        }
    }

    /** Looks at one submission's study again; returns its state afterwards. */
    @Transactional
    public SubmissionState advance(UUID id) {
        PlanSubmission s = PlanSubmission.findById(id);
        if (s == null || !SubmissionStates.WAITING.contains(s.state)) {
            return s == null ? null : s.state;
        }
        PlanObjects.Search found = objects.search(s.studyUid, resubmissions.superseded(s));
        if (found.instances() == s.checkedInstances) {
            return s.state;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SubmissionState before = s.state;
        s.checkedInstances = found.instances();
        s.updatedAt = now;
        if (found.instances() > 0 && !studies.maySee(s.hospitalId, s.studyUid)) {
            s.awaiting = StoredJson.write(List.of("the study, stored by the submitting hospital"));
            return s.state;
        }
        s.awaiting = StoredJson.write(found.awaiting());
        if (found.located() == null) {
            s.state = SubmissionState.AWAITING_OBJECTS;
            return s.state;
        }
        PlanObjects.Located l = found.located();
        if (!resubmissions.newForVersion(s, l)) {
            s.awaiting = StoredJson.write(List.of("a new RTSTRUCT, RTPLAN or RTDOSE for version " + s.submissionVersion));
            return s.state;
        }
        s.ctSeriesUid = l.ctSeriesUid();
        s.rtstructUid = l.rtstruct().sopInstanceUid();
        s.rtplanUid = l.rtplan().sopInstanceUid();
        s.rtdoseUid = l.rtdose().sopInstanceUid();
        PlanConsistency.Objects read = objects.read(l);
        List<Finding> findings = PlanConsistency.check(read, new Prescription(s.prescriptionGy, s.fractions));
        s.findings = StoredJson.write(findings);
        if (s.objectsCompleteAt == null) {
            s.objectsCompleteAt = now;
        }
        s.state = PlanConsistency.blocksReview(findings) ? SubmissionState.BLOCKED : SubmissionState.AWAITING_REVIEW;
        resubmissions.located(s, s.state == SubmissionState.AWAITING_REVIEW ? now : null);
        if (s.state == SubmissionState.BLOCKED && before != SubmissionState.BLOCKED) {
            notices.blocked(s);
        }
        if (s.state == SubmissionState.AWAITING_REVIEW) {
            revisions.recordSubmitted(s, PlanConsistency.structureSet(read.rtstruct()));
            for (HospitalView h : hospitals.all()) {
                if (h.level() == HospitalLevel.PROVINCIAL) {
                    studies.grant(s.studyUid, h.id(), null, "rt-submission " + s.id);
                }
            }
            queue.enter(s, now);
            notices.queued(s);
        }
        return s.state;
    }
}
