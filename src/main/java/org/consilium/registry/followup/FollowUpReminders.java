package org.consilium.registry.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.registry.RegistryConfig;
import org.consilium.registry.RegistryNotices;

/**
 * Reminds each visit's assignee once, when the visit falls due within {@code consilium.registry.remind-before}.
 * Safe with several replicas: a visit is claimed by the one UPDATE that sets its {@code reminded_at}; a replica
 * running at the same moment waits for that row, sees it claimed and skips it (PostgreSQL re-checks the condition
 * of an updated row under READ COMMITTED), so nothing is sent twice. The notification is stored in the claiming
 * transaction: a failed run claims nothing.
 */
@ApplicationScoped
public class FollowUpReminders {

    public static final String DUE = "registry.followup.due";

    @Inject
    RegistryConfig config;
    @Inject
    RegistryNotices notices;
    @Inject
    Patients patients;
    @Inject
    EntityManager em;

    @Scheduled(every = "${consilium.registry.reminder-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remind();
    }

    /** Sends the reminders now due; returns how many this call sent. */
    @Transactional
    public int remind() {
        LocalDate horizon = LocalDate.now(FollowUpSchedules.ZONE).plusDays(config.remindBefore().toDays());
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("with claimed as (update follow_up_visit v"
                        + " set reminded_at = now() from follow_up_schedule s where s.id = v.schedule_id"
                        + " and v.state = 'OPEN' and v.reminded_at is null and v.due_on <= ?1"
                        + " returning v.due_on, s.assignee_id, s.patient_id, s.id) select * from claimed")
                .setParameter(1, horizon).getResultList();
        Map<UUID, PatientView> byId = patients.byIds(claimed.stream().map(r -> (UUID) r[2]).distinct().toList());
        for (Object[] r : claimed) {
            String name = byId.get((UUID) r[2]).name();
            notices.toUser((String) r[1], DUE, (UUID) r[3], "随访即将到期：" + name + "，" + r[0],
                    "Follow-up due: " + name + ", " + r[0]);
        }
        return claimed.size();
    }
}
