package org.consilium.radiotherapy.review;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.identity.CurrentUser;
import org.consilium.live.RoomLog;
import org.consilium.platform.ProblemException;
import org.consilium.platform.StoredJson;
import org.consilium.platform.UuidV7;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.Submissions;

/** The revisions of a submission's structure set: written once, read as JSON, listed as one lineage. */
@ApplicationScoped
public class Revisions {


    @Inject
    Submissions submissions;
    @Inject
    EntityManager em;
    @Inject
    RoomLog log;

    /**
     * The county's structure set of the submission's current version, once (idempotent per version). Version 1
     * gives revision 1 (SUBMITTED); a resubmission gives a RESUBMITTED revision after the latest one, and the
     * review room's edits start again from it. Runs in the caller's transaction.
     */
    public void recordSubmitted(PlanSubmission s, StructureSet submitted) {
        if (StructureSetRevision.count("submissionId = ?1 and submissionVersion = ?2", s.id, s.submissionVersion) > 0) {
            return;
        }
        StructureSetRevision parent = latest(s.id);
        if (parent == null) {
            List<RevisionView.ChangedRoi> all = submitted.rois().stream()
                    .map(r -> new RevisionView.ChangedRoi(r.number(), r.name())).toList();
            insert(s, 1, null, "SUBMITTED", s.submittedById, s.submittedBy, "submitted for review", all, submitted, null);
            return;
        }
        StructureSetRevision r = insert(s, parent.number + 1, parent.id, "RESUBMITTED", s.submittedById, s.submittedBy,
                "resubmitted as version " + s.submissionVersion, changed(structureSet(parent), submitted), submitted, null);
        em.createNativeQuery("update rt_review_room set base_revision = ?2, base_seq = ?3 where submission_id = ?1")
                .setParameter(1, s.id).setParameter(2, r.number).setParameter(3, roomHead(s.id)).executeUpdate();
    }

    /** A new revision after {@code parent}; the ROIs changed are those that differ from it. */
    StructureSetRevision record(PlanSubmission s, StructureSetRevision parent, String authorId, String author,
                                String reason, StructureSet content, Long roomSeq) {
        List<RevisionView.ChangedRoi> changed = changed(structureSet(parent), content);
        return insert(s, parent.number + 1, parent.id, "EXPERT", authorId, author, reason, changed, content, roomSeq);
    }

    private long roomHead(UUID submissionId) {
        @SuppressWarnings("unchecked")
        List<Object> room = em.createNativeQuery("select room_id from rt_review_room where submission_id = ?1")
                .setParameter(1, submissionId).getResultList();
        return room.isEmpty() ? 0 : log.head((UUID) room.get(0));
    }

    private StructureSetRevision insert(PlanSubmission s, int number, UUID parentId, String kind, String authorId,
                                        String author, String reason, List<RevisionView.ChangedRoi> changed,
                                        StructureSet content, Long roomSeq) {
        StructureSetRevision r = new StructureSetRevision();
        r.id = UuidV7.next();
        r.submissionId = s.id;
        r.submissionVersion = s.submissionVersion;
        r.number = number;
        r.parentId = parentId;
        r.kind = kind;
        r.authorId = authorId;
        r.author = author;
        r.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        r.reason = reason;
        r.changedRois = StoredJson.write(changed);
        r.content = StoredJson.write(RevisionContent.of(content));
        r.roomSeq = roomSeq;
        r.persist();
        return r;
    }

    /** The lineage, submitted first: one query. */
    public List<RevisionView> lineage(CurrentUser user, UUID submissionId) {
        submissions.require(user, submissionId, "rt.revision.list");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.number, p.number as parent, r.kind, r.author,"
                + " r.created_at, r.reason, r.changed_rois::text, r.submission_version from rt_revision r left join rt_revision p on p.id = r.parent_id"
                + " where r.submission_id = ?1 order by r.number").setParameter(1, submissionId).getResultList();
        List<RevisionView> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(new RevisionView((UUID) row[0], ((Number) row[1]).intValue(),
                    row[2] == null ? null : ((Number) row[2]).intValue(), (String) row[3], (String) row[4],
                    toInstant(row[5]), (String) row[6], StoredJson.read((String) row[7], new TypeReference<>() {}),
                    ((Number) row[8]).intValue()));
        }
        return out;
    }

    /** One revision the caller may see (audited), or 404. */
    public StructureSetRevision require(CurrentUser user, UUID submissionId, int number, String action) {
        submissions.require(user, submissionId, action);
        StructureSetRevision r = StructureSetRevision.find("submissionId = ?1 and number = ?2", submissionId, number)
                .firstResult();
        if (r == null) {
            throw ProblemException.notFound("revision " + number + " of submission " + submissionId);
        }
        return r;
    }

    StructureSetRevision latest(UUID submissionId) {
        return StructureSetRevision.find("submissionId = ?1 order by number desc", submissionId).firstResult();
    }

    static StructureSet structureSet(StructureSetRevision r) {
        return StoredJson.read(r.content, new TypeReference<RevisionContent>() {}).toStructureSet();
    }

    /** ROIs (by number) added, removed or with other contours, name or type. */
    static List<RevisionView.ChangedRoi> changed(StructureSet before, StructureSet after) {
        Map<Integer, Roi> old = new HashMap<>();
        before.rois().forEach(r -> old.put(r.number(), r));
        List<RevisionView.ChangedRoi> out = new ArrayList<>();
        for (Roi r : after.rois()) {
            if (!Objects.equals(old.remove(r.number()), r)) {
                out.add(new RevisionView.ChangedRoi(r.number(), r.name()));
            }
        }
        old.values().forEach(r -> out.add(new RevisionView.ChangedRoi(r.number(), r.name())));
        return out;
    }

    private static Instant toInstant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.sql.Timestamp t ? t.toInstant()
                : o instanceof java.time.OffsetDateTime d ? d.toInstant() : null;
    }


}
