package org.consilium.consult.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultAction;
import org.consilium.consult.ConsultState;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.board.ConsultBoard;
import org.consilium.consult.board.Meetings;
import org.consilium.consult.board.MeetingView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * The board's recommendation for a consult. The chair drafts it during the session; each participant gives
 * an opinion (dissent is kept); the chair finalises it, which fixes the content and the list of signers
 * (the chair and everyone who attended); each signer signs with a timestamp and the hash of what they
 * signed. The last signature makes the version SIGNED and immutable; changing it later means an amendment,
 * a new version linked to the old one that goes through the same steps.
 */
@ApplicationScoped
public class Recommendations {

    @Inject
    Consults consults;
    @Inject
    Meetings meetings;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    Event<RecommendationSigned> signed;

    public List<RecommendationView> list(CurrentUser user, UUID consultId) {
        consults.require(user, consultId);
        return Recommendation.<Recommendation>list("consultId = ?1 order by revision desc", consultId).stream()
                .map(this::view).toList();
    }

    public RecommendationView get(CurrentUser user, UUID consultId, UUID id) {
        consults.require(user, consultId);
        return view(find(consultId, id));
    }

    /** The chair drafts the first version while the consult is in session. */
    @Transactional
    public RecommendationView draft(CurrentUser user, UUID consultId, RecommendationContent content) {
        ConsultView c = consults.require(user, consultId);
        ConsultBoard board = requireChair(user, consultId, "recommendation.draft");
        if (c.state() != ConsultState.IN_SESSION) {
            throw new ProblemException(ProblemType.CONFLICT, "consult " + consultId + " is " + c.state()
                    + "; the board recommends while it is IN_SESSION");
        }
        if (Recommendation.latest(consultId).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "consult " + consultId + " already has a recommendation;"
                    + " edit the draft or amend the signed version");
        }
        requireValid(content);
        Recommendation r = newVersion(user, consultId, 1, null, board, content, null);
        audit.record(user.asActor(), hospitalOf(user), "recommendation.draft", target(consultId), Outcome.SUCCESS,
                "revision 1");
        return view(r);
    }

    /** Replaces a draft's content; anything but a draft answers 409. */
    @Transactional
    public RecommendationView edit(CurrentUser user, UUID consultId, UUID id, RecommendationContent content,
                                   Long version) {
        consults.require(user, consultId);
        requireEditable(user, find(consultId, id), "recommendation.edit");
        if (version == null) {
            throw new ProblemException(ProblemType.VALIDATION, "version: replacing a draft needs the version you read");
        }
        Recommendation r = locked(consultId, id, version);
        requireEditable(user, r, "recommendation.edit");
        requireChairOf(user, r, "recommendation.edit");
        requireValid(content);
        r.content = write(content);
        r.updatedAt = Instant.now();
        audit.record(user.asActor(), hospitalOf(user), "recommendation.edit", target(consultId), Outcome.SUCCESS,
                "revision " + r.revision);
        return view(r);
    }

    /** A participant's own opinion, until the version is signed. */
    @Transactional
    public RecommendationView opine(CurrentUser user, UUID consultId, UUID id, RecommendationRequests.OpinionInput in) {
        consults.require(user, consultId);
        Recommendation r = find(consultId, id);
        if (r.state == Recommendation.State.SIGNED) {
            throw immutable(user, r, "recommendation.opinion");
        }
        ConsultBoard board = meetings.boardFor(consultId).orElseThrow();
        if (!board.isInvited(user.id())) {
            throw deny(user, consultId, "recommendation.opinion", "only the board's participants give opinions");
        }
        Opinion o = Opinion.findById(new ParticipantKey(r.id, user.id()));
        if (o == null) {
            o = new Opinion();
            o.recommendationId = r.id;
            o.userId = user.id();
        }
        o.username = user.username();
        o.displayName = user.displayName();
        o.discipline = user.discipline().orElse(null);
        o.position = in.position();
        o.comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
        o.at = Instant.now();
        o.persist();
        audit.record(user.asActor(), hospitalOf(user), "recommendation.opinion", target(consultId), Outcome.SUCCESS,
                "revision " + r.revision + ": " + in.position());
        return view(r);
    }

    /** The chair closes the discussion: content fixed and hashed, signers listed, consult RECOMMENDED. */
    @Transactional
    public RecommendationView finalise(CurrentUser user, UUID consultId, UUID id, Long version) {
        ConsultView c = consults.require(user, consultId);
        Recommendation r = locked(consultId, id, version);
        requireEditable(user, r, "recommendation.finalise");
        requireChairOf(user, r, "recommendation.finalise");
        ConsultBoard board = meetings.boardFor(consultId).orElseThrow();
        if (c.state() == ConsultState.IN_SESSION) {
            consults.transition(user, consultId, ConsultAction.RECOMMEND, null, "revision " + r.revision + " final");
        }
        Instant now = Instant.now();
        r.state = Recommendation.State.FINAL;
        r.finalisedAt = now;
        r.updatedAt = now;
        r.contentHash = hash(r);
        for (MeetingView.Invitee p : board.attendees()) {
            Signer s = new Signer();
            s.recommendationId = r.id;
            s.userId = p.userId();
            s.username = p.username();
            s.displayName = p.displayName();
            s.persist();
        }
        if (Signer.findById(new ParticipantKey(r.id, r.chairId)) == null) {
            Signer s = new Signer();
            s.recommendationId = r.id;
            s.userId = r.chairId;
            s.username = board.chair().username();
            s.displayName = r.chairName;
            s.persist();
        }
        audit.record(user.asActor(), hospitalOf(user), "recommendation.finalise", target(consultId), Outcome.SUCCESS,
                "revision " + r.revision + " hash " + r.contentHash);
        return view(r);
    }

    /** A signer signs the final version; the last signature makes it SIGNED and the consult SIGNED. */
    @Transactional
    public RecommendationView sign(CurrentUser user, UUID consultId, UUID id, Long version) {
        consults.require(user, consultId);
        Recommendation r = locked(consultId, id, version);
        if (r.state == Recommendation.State.SIGNED) {
            throw immutable(user, r, "recommendation.sign");
        }
        if (r.state != Recommendation.State.FINAL) {
            throw new ProblemException(ProblemType.CONFLICT, "revision " + r.revision + " is a draft; the chair"
                    + " finalises it before anyone signs");
        }
        Signer s = Signer.findById(new ParticipantKey(r.id, user.id()));
        if (s == null) {
            throw deny(user, consultId, "recommendation.sign", "not a signer of revision " + r.revision);
        }
        if (s.signedAt != null) {
            throw new ProblemException(ProblemType.CONFLICT, "you signed revision " + r.revision + " at " + s.signedAt);
        }
        Instant now = Instant.now();
        s.signedAt = now;
        s.signedHash = r.contentHash;
        audit.record(user.asActor(), hospitalOf(user), "recommendation.sign", target(consultId), Outcome.SUCCESS,
                "revision " + r.revision + " hash " + r.contentHash);
        boolean everyone = Signer.count("recommendationId = ?1 and signedAt is null", r.id) == 0;
        if (everyone) {
            consults.transition(user, consultId, ConsultAction.SIGN, null, "revision " + r.revision + " signed");
            r.state = Recommendation.State.SIGNED;
            r.signedAt = now;
            r.updatedAt = now;
            RecommendationView v = view(r);
            signed.fire(new RecommendationSigned(v, consults.require(user, consultId)));
            return v;
        }
        r.updatedAt = now;
        return view(r);
    }

    /** A new draft version that replaces a signed one; the consult goes back to RECOMMENDED. */
    @Transactional
    public RecommendationView amend(CurrentUser user, UUID consultId, UUID id, String reason) {
        consults.require(user, consultId);
        Recommendation old = find(consultId, id);
        requireChairOf(user, old, "recommendation.amend");
        Recommendation latest = Recommendation.latest(consultId).orElseThrow();
        if (old.state != Recommendation.State.SIGNED || !latest.id.equals(old.id)) {
            throw new ProblemException(ProblemType.CONFLICT, "only the latest signed version can be amended");
        }
        consults.transition(user, consultId, ConsultAction.AMEND, null, reason);
        ConsultBoard board = meetings.boardFor(consultId).orElseThrow();
        Recommendation r = newVersion(user, consultId, old.revision + 1, old.id, board, read(old.content),
                reason.strip());
        audit.record(user.asActor(), hospitalOf(user), "recommendation.amend", target(consultId), Outcome.SUCCESS,
                "revision " + r.revision + " replaces " + old.revision + ": " + reason);
        return view(r);
    }

    RecommendationView view(Recommendation r) {
        if (Recommendation.getEntityManager().isJoinedToTransaction()) {
            Recommendation.flush(); // the response shows the version the change produced
        }
        return new RecommendationView(r.id, r.consultId, r.revision, r.previousId, r.meetingId, r.state, read(r.content),
                r.contentHash, r.amendmentReason, r.chairId, r.chairName, r.finalisedAt, r.signedAt,
                Opinion.of(r.id).stream().map(o -> new RecommendationView.OpinionView(o.userId, o.username,
                        o.displayName, o.discipline, o.position, o.comment, o.at)).toList(),
                Signer.of(r.id).stream().map(s -> new RecommendationView.SignatureView(s.userId, s.username,
                        s.displayName, s.signedAt, s.signedHash)).toList(),
                r.createdBy, r.createdAt, r.updatedAt, r.version);
    }

    private Recommendation newVersion(CurrentUser user, UUID consultId, int revision, UUID previous,
                                      ConsultBoard board, RecommendationContent content, String amendmentReason) {
        Instant now = Instant.now();
        Recommendation r = new Recommendation();
        r.id = UuidV7.next();
        r.consultId = consultId;
        r.revision = revision;
        r.previousId = previous;
        r.meetingId = board.meetingId();
        r.state = Recommendation.State.DRAFT;
        r.content = write(content);
        r.amendmentReason = amendmentReason;
        r.chairId = board.chair().id();
        r.chairName = board.chair().displayName();
        r.createdBy = user.username();
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        return r;
    }

    private ConsultBoard requireChair(CurrentUser user, UUID consultId, String action) {
        ConsultBoard board = meetings.boardFor(consultId).orElseThrow(() -> new ProblemException(
                ProblemType.CONFLICT, "consult " + consultId + " is on no meeting's agenda"));
        if (!board.isChair(user.id())) {
            throw deny(user, consultId, action, "only the chair, " + board.chair().displayName() + ", drafts");
        }
        return board;
    }

    private void requireChairOf(CurrentUser user, Recommendation r, String action) {
        if (!r.chairId.equals(user.id())) {
            throw deny(user, r.consultId, action, "only the chair, " + r.chairName + ", may do this");
        }
    }

    private void requireEditable(CurrentUser user, Recommendation r, String action) {
        if (r.state == Recommendation.State.SIGNED) {
            throw immutable(user, r, action);
        }
        if (r.state != Recommendation.State.DRAFT) {
            throw new ProblemException(ProblemType.CONFLICT, "revision " + r.revision + " is final and being signed;"
                    + " it can no longer change");
        }
    }

    private ProblemException immutable(CurrentUser user, Recommendation r, String action) {
        audit.record(user.asActor(), hospitalOf(user), action, target(r.consultId), Outcome.FAILED,
                "revision " + r.revision + " is signed");
        return new ProblemException(ProblemType.CONFLICT, "revision " + r.revision + " was signed at " + r.signedAt
                + " and cannot change; amend it to make a new version");
    }

    private ProblemException deny(CurrentUser user, UUID consultId, String action, String why) {
        audit.record(user.asActor(), hospitalOf(user), action, target(consultId), Outcome.DENIED, why);
        return new ProblemException(ProblemType.FORBIDDEN, "You may not do this: " + why);
    }

    private static Recommendation find(UUID consultId, UUID id) {
        Recommendation r = Recommendation.findById(id);
        if (r == null || !r.consultId.equals(consultId)) {
            throw ProblemException.notFound("Recommendation " + id);
        }
        return r;
    }

    private static Recommendation locked(UUID consultId, UUID id, Long version) {
        find(consultId, id);
        Recommendation r = Recommendation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Meetings.checkVersion(r.version, version, "recommendation " + id);
        return r;
    }

    private static void requireValid(RecommendationContent content) {
        List<String> problems = content.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, String.join("; ", problems));
        }
    }

    private String hash(Recommendation r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((r.consultId + "/" + r.revision + "/").getBytes(StandardCharsets.UTF_8));
            sha.update(r.content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String write(RecommendationContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a recommendation", e);
        }
    }

    private RecommendationContent read(String content) {
        try {
            return json.readValue(content, RecommendationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recommendation is not valid JSON", e);
        }
    }

    private static UUID hospitalOf(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }

    private static String target(UUID consultId) {
        return "consult:" + consultId;
    }
}
