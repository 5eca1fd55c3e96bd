package org.consilium.registry.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.registry.RegistryScope;

/**
 * The follow-up worklist: open visits due within a horizon and those already overdue, overdue first. A community
 * doctor's list holds only the visits handed to them; a county clinician's or case manager's may hold their
 * hospitals' too.
 */
@ApplicationScoped
public class FollowUpWorklist {

    @Inject
    Patients patients;
    @Inject
    RegistryScope scope;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /**
     * Open visits due on or before today + {@code withinDays}, earliest first. {@code mine}: only those assigned to
     * the caller; otherwise also those of the caller's visible hospitals and of the schedules they attend. Audited.
     */
    @Transactional
    public Page<DueVisit> due(CurrentUser user, boolean mine, int withinDays, int offset, int limit) {
        LocalDate today = LocalDate.now(FollowUpSchedules.ZONE);
        String where = " from FollowUpVisit v, FollowUpSchedule s where s.id = v.scheduleId and v.state = :open"
                + " and v.dueOn <= :horizon and (s.assigneeId = :me"
                + (mine ? ")" : " or s.attendingId = :me or s.hospitalId in :seen)");
        var select = em.createQuery("select v, s" + where + " order by v.dueOn, v.id", Object[].class);
        var count = em.createQuery("select count(v)" + where, Long.class);
        for (var q : List.of(select, count)) {
            q.setParameter("open", FollowUpVisit.State.OPEN).setParameter("horizon", today.plusDays(withinDays))
                    .setParameter("me", user.id());
            if (!mine) {
                q.setParameter("seen", scope.visibleHospitals(user));
            }
        }
        List<Object[]> rows = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = count.getSingleResult();
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(r -> ((FollowUpSchedule) r[1]).patientId)
                .distinct().toList());
        List<DueVisit> items = rows.stream().map(r -> {
            FollowUpVisit v = (FollowUpVisit) r[0];
            FollowUpSchedule s = (FollowUpSchedule) r[1];
            PatientView p = byId.get(s.patientId);
            long late = ChronoUnit.DAYS.between(v.dueOn, today);
            return new DueVisit(s.id, v.id, s.patientId, p == null ? null : p.name(), p == null ? null : p.localId(),
                    s.hospitalId, s.icd10, s.stage, v.dueOn, v.title, late, late > 0, s.assigneeId, s.assignee, s.attending,
                    s.handedOverAt != null);
        }).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "registry.followup.due",
                "follow-ups", Outcome.SUCCESS, "mine=" + mine + " within=" + withinDays + "d -> " + total);
        return new Page<>(items, total, offset, limit);
    }
}
