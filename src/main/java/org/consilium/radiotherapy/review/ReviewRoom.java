package org.consilium.radiotherapy.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.rt.ContourDefect;
import org.consilium.dicom.rt.ContourDefects;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.identity.CurrentUser;
import org.consilium.live.RoomKind;
import org.consilium.live.RoomLog;
import org.consilium.live.Rooms;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.StoredJson;
import org.consilium.radiotherapy.submission.PlanConsistency;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.ReviewNotices;
import org.consilium.radiotherapy.submission.SubmissionState;
import org.consilium.radiotherapy.submission.SubmissionVisibility;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * The live review room of a submission (kind RT_REVIEW, opened and admitted through {@link Rooms}) and the
 * commit that turns its contour edits into a new structure-set revision, read from the room's event log.
 */
@ApplicationScoped
public class ReviewRoom {

    /** Events read per page of the room's log. */
    private static final int PAGE = 1000;

    @Inject
    Submissions submissions;
    @Inject
    SubmissionVisibility visibility;
    @Inject
    Revisions revisions;
    @Inject
    Rooms rooms;
    @Inject
    RoomLog log;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    ReviewNotices notices;

    /** The room's id and the revision its edits apply to. */
    public record RoomView(UUID roomId, int baseRevision) {
    }

    /** Assigns a provincial reviewer (case managers and platform-admins). Idempotent. */
    @Transactional
    public void assign(CurrentUser user, UUID submissionId, String userId, String displayName) {
        PlanSubmission s = submissions.require(user, submissionId, "rt.reviewer.assign");
        if (!visibility.coordinates(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only case managers assign reviewers");
        }
        int added = em.createNativeQuery("insert into rt_submission_reviewer (submission_id, user_id, user_name, assigned_by,"
                        + " assigned_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, s.id).setParameter(2, userId).setParameter(3, displayName)
                .setParameter(4, user.displayName()).setParameter(5, Instant.now()).executeUpdate();
        if (added > 0) {
            notices.assigned(s, userId);
        }
        rooms.findByRef(RoomKind.RT_REVIEW, s.id).ifPresent(r -> rooms.admit(r.id(), userId, displayName, "reviewer"));
        audit.record(user.asActor(), s.hospitalId, "rt.reviewer.assign", Submissions.TARGET + s.id, Outcome.SUCCESS, userId);
    }

    /** Opens (or returns) the review room: reviewers, coordinators and the submitter are admitted. */
    @Transactional
    public RoomView open(CurrentUser user, UUID submissionId) {
        PlanSubmission s = submissions.require(user, submissionId, "rt.room.open");
        requireReviewerSide(user, s);
        if (s.state != SubmissionState.AWAITING_REVIEW) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "a review room opens once the plan awaits review, not in "
                    + s.state);
        }
        UUID roomId = rooms.open(RoomKind.RT_REVIEW, s.id, "放疗计划审核 / RT plan review " + s.studyUid);
        int base = revisions.latest(s.id).number;
        em.createNativeQuery("insert into rt_review_room (submission_id, room_id, base_revision, opened_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, s.id).setParameter(2, roomId).setParameter(3, base).setParameter(4, Instant.now())
                .executeUpdate();
        rooms.admit(roomId, s.submittedById, s.submittedBy, "submitter");
        @SuppressWarnings("unchecked")
        List<Object[]> reviewers = em.createNativeQuery(
                "select user_id, user_name from rt_submission_reviewer where submission_id = ?1")
                .setParameter(1, s.id).getResultList();
        boolean callerReviews = false;
        for (Object[] r : reviewers) {
            rooms.admit(roomId, (String) r[0], (String) r[1], "reviewer");
            callerReviews |= user.id().equals(r[0]);
        }
        if (!callerReviews) { // a case manager opening it chairs; a reviewer keeps the role the others see
            rooms.admit(roomId, user.id(), user.displayName(), "chair");
        }
        audit.record(user.asActor(), s.hospitalId, "rt.room.open", Submissions.TARGET + s.id, Outcome.SUCCESS,
                "room " + roomId);
        Binding b = binding(s.id);
        return new RoomView(b.roomId(), b.baseRevision());
    }

    /**
     * Commits the room's current polygons as a new revision in one transaction: the room's base revision
     * with every contour edit of its log applied, parent the latest revision. 409 when nothing changed;
     * 400 (validation) naming ROI and plane when an edited contour is malformed, with nothing stored.
     */
    @Transactional
    public RevisionView commit(CurrentUser user, UUID submissionId, String reason) {
        PlanSubmission s = submissions.require(user, submissionId, "rt.revision.commit");
        requireReviewerSide(user, s);
        Binding room = binding(s.id);
        if (room == null) {
            throw new ProblemException(ProblemType.CONFLICT, "the submission has no review room yet");
        }
        StructureSetRevision base = StructureSetRevision.find("submissionId = ?1 and number = ?2", s.id, room.baseRevision())
                .firstResult();
        StructureSetRevision parent = revisions.latest(s.id);
        long head = log.head(room.roomId());
        StructureSet edited = ContourEdits.apply(Revisions.structureSet(base), events(room.roomId(), room.baseSeq(), head));
        List<RevisionView.ChangedRoi> changed = Revisions.changed(Revisions.structureSet(parent), edited);
        if (changed.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "no contour differs from revision " + parent.number);
        }
        rejectMalformed(edited, changed);
        StructureSetRevision r = revisions.record(s, parent, user.id(), user.displayName(), reason, edited, head);
        audit.record(user.asActor(), s.hospitalId, "rt.revision.commit", Submissions.TARGET + s.id, Outcome.SUCCESS,
                "revision " + r.number + " changes " + changed);
        return new RevisionView(r.id, r.number, parent.number, r.kind, r.author,
                r.createdAt.truncatedTo(ChronoUnit.MICROS), r.reason, changed, r.submissionVersion);
    }

    /** 403 unless the caller reviews this submission (assigned) or coordinates the queue. */
    void requireReviewerSide(CurrentUser user, UUID submissionId) {
        PlanSubmission s = PlanSubmission.findById(submissionId);
        if (s == null || !visibility.maySee(user, s)) {
            throw ProblemException.notFound("submission " + submissionId);
        }
        requireReviewerSide(user, s);
    }

    private void requireReviewerSide(CurrentUser user, PlanSubmission s) {
        if (!visibility.coordinates(user) && !visibility.isReviewer(s.id, user.id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the assigned reviewers and case managers review a plan");
        }
    }

    private void rejectMalformed(StructureSet edited, List<RevisionView.ChangedRoi> changed) {
        List<String> problems = new ArrayList<>();
        for (ContourDefect d : new ContourDefects(new double[0], java.util.Set.of(), PlanConsistency.SLICE_TOLERANCE).find(edited)) {
            if (d.kind() != ContourDefect.Kind.UNKNOWN_IMAGE
                    && changed.stream().anyMatch(c -> c.number() == d.roi().number())) {
                problems.add(String.format(Locale.ROOT, "ROI %s, plane z = %.2f mm: %s", d.roiLabel(), d.z(), d.detail()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "malformed contours, nothing committed: "
                    + String.join("; ", problems));
        }
    }

    /** The room's contour edits after {@code from} (where the base revision was set) up to {@code head}. */
    private List<JsonNode> events(UUID roomId, long from, long head) {
        List<JsonNode> out = new ArrayList<>();
        long after = from;
        while (after < head) {
            List<RoomLog.Stored> page = log.after(roomId, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (RoomLog.Stored e : page) {
                if (e.seq() > head) {
                    return out;
                }
                if (e.type().equals("contour.edited")) {
                    try {
                        out.add(StoredJson.MAPPER.readTree(e.body()));
                    } catch (JsonProcessingException ex) {
                        throw new IllegalStateException("room event " + e.seq() + " is not JSON", ex);
                    }
                }
                after = e.seq();
            }
        }
        return out;
    }

    /** The room of a submission, its base revision and the log position the base was set at. */
    private record Binding(UUID roomId, int baseRevision, long baseSeq) {
    }

    private Binding binding(UUID submissionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select room_id, base_revision, base_seq from rt_review_room"
                        + " where submission_id = ?1").setParameter(1, submissionId).getResultList();
        return rows.isEmpty() ? null : new Binding((UUID) rows.get(0)[0], ((Number) rows.get(0)[1]).intValue(),
                ((Number) rows.get(0)[2]).longValue());
    }
}
