package org.consilium.registry.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.registry.RegistryNotices;

/**
 * The receiving hospital's moves: accept with an appointment or bed, or decline with the reason; arrival;
 * completion. Each is time-stamped, recorded as an event, audited and told to whoever raised the referral. Also
 * the receiving side's recognition of each carried study or report (检查检验结果互认).
 */
@ApplicationScoped
public class ReferralMoves {

    @Inject
    Referrals referrals;
    @Inject
    ReferralSides sides;
    @Inject
    ReferralViews views;
    @Inject
    RegistryNotices notices;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    @Transactional
    public ReferralView move(CurrentUser user, UUID id, ReferralTransition t) {
        Referral f = receivedBy(user, id, "registry.referral." + t.action().name().toLowerCase());
        if (f.version != t.version()) {
            throw new ProblemException(ProblemType.CONFLICT, "The referral changed meanwhile (version " + f.version
                    + ", you sent " + t.version() + "); reload it");
        }
        if (f.state != t.action().from) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, t.action() + " is not possible in state "
                    + f.state);
        }
        String note = blankToNull(t.note());
        Instant now = Instant.now();
        switch (t.action()) {
            case ACCEPT -> accept(f, t, now);
            case DECLINE -> {
                if (note == null) {
                    throw new ProblemException(ProblemType.VALIDATION, "note: a declined referral says why");
                }
                f.declineReason = note;
                f.declinedAt = now;
            }
            case ARRIVE -> f.arrivedAt = now;
            case COMPLETE -> f.completedAt = now;
            default -> throw new IllegalStateException(t.action().name());
        }
        ReferralState from = f.state;
        f.state = t.action().to;
        f.updatedAt = now;
        ReferralEvent.record(f, user, from, note);
        audit.record(user.asActor(), f.toHospitalId, "registry.referral." + t.action().name().toLowerCase(),
                Referrals.target(f.id), Outcome.SUCCESS, from + " -> " + f.state + (note == null ? "" : ": " + note));
        tellReferrer(f, note);
        em.flush();
        return views.of(user, f);
    }

    /** Records that the receiving side recognised a carried item, or repeated it and why. */
    @Transactional
    public ReferralView recognise(CurrentUser user, UUID id, UUID itemId, RecognitionRequest r) {
        Referral f = receivedBy(user, id, "registry.referral.recognise");
        if (f.state == ReferralState.DECLINED) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "A declined referral's items are not assessed");
        }
        ReferralItem i = ReferralItem.<ReferralItem>findByIdOptional(itemId).filter(x -> x.referralId.equals(f.id))
                .orElseThrow(() -> ProblemException.notFound("Item " + itemId));
        String reason = blankToNull(r.reason());
        if (r.recognition() == ReferralItem.Recognition.REPEATED && reason == null) {
            throw new ProblemException(ProblemType.VALIDATION, "reason: a repeated examination says why");
        }
        i.recognition = r.recognition();
        i.recognitionReason = reason;
        i.recognisedBy = user.displayName();
        i.recognisedAt = Instant.now();
        audit.record(user.asActor(), f.toHospitalId, "registry.referral.recognise", Referrals.target(f.id),
                Outcome.SUCCESS, i.kind + " " + i.title + ": " + i.recognition);
        em.flush();
        return views.of(user, f);
    }

    private Referral receivedBy(CurrentUser user, UUID id, String action) {
        Referral f = referrals.load(user, id, action);
        if (!sides.receives(user, f)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only the receiving hospital does this (由接收医院处理)");
        }
        return f;
    }

    private static void accept(Referral f, ReferralTransition t, Instant now) {
        String appointment = blankToNull(t.appointment());
        String bed = blankToNull(t.bed());
        if (t.appointmentAt() == null && appointment == null && bed == null) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "appointment: an accepted referral gives an appointment or a bed (请填写预约或床位)");
        }
        f.appointmentAt = t.appointmentAt();
        f.appointment = appointment;
        f.bed = bed;
        f.acceptedAt = now;
    }

    private void tellReferrer(Referral f, String note) {
        String detail = note == null ? "" : "（" + note + "）";
        String detailEn = note == null ? "" : " (" + note + ")";
        String zh = switch (f.state) {
            case ACCEPTED -> "转诊已接收";
            case DECLINED -> "转诊未被接收";
            case ARRIVED -> "转诊患者已到院";
            default -> "转诊已完成";
        };
        String en = switch (f.state) {
            case ACCEPTED -> "Referral accepted";
            case DECLINED -> "Referral declined";
            case ARRIVED -> "Referred patient arrived";
            default -> "Referral completed";
        };
        notices.toUser(f.requestedById, RegistryNotices.REFERRAL, f.id, zh + detail, en + detailEn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
