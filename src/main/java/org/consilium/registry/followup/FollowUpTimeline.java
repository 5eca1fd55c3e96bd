package org.consilium.registry.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.timeline.TimelineEntry;
import org.consilium.registry.timeline.TimelineSource;

/**
 * The patient's follow-up, for those who may see the schedule (its hospital, its attending doctor, the doctor it is
 * handed to): each schedule, each contact made, and the next visit due.
 */
@ApplicationScoped
public class FollowUpTimeline implements TimelineSource {

    @Inject
    RegistryScope scope;
    @Inject
    HospitalDirectory hospitals;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        List<TimelineEntry> out = new ArrayList<>();
        for (FollowUpSchedule s : FollowUpSchedule.<FollowUpSchedule>list("patientId", Sort.descending("createdAt"),
                patient.id())) {
            if (!FollowUpSchedules.visible(user, s, scope)) {
                continue;
            }
            String hospital = hospitals.byId(s.hospitalId).map(HospitalView::name).orElse(null);
            out.add(new TimelineEntry("follow-up", s.id, null, s.createdAt, false, hospital,
                    "随访计划（" + s.icd10 + " " + s.stage + "），随访人：" + s.assignee,
                    "Follow-up schedule (" + s.icd10 + " " + s.stage + "), by " + s.assignee,
                    s.deathDate != null ? "CLOSED" : "OPEN", s.attending));
            boolean nextShown = false;
            for (FollowUpVisit v : FollowUpVisit.<FollowUpVisit>list("scheduleId", Sort.ascending("dueOn", "id"), s.id)) {
                if (v.state == FollowUpVisit.State.DONE) {
                    OutcomeRequest r = new OutcomeRequest(v.contactedOn, v.reached, v.vitalStatus, v.deathDate,
                            v.recurrence, v.progression, v.recist, v.adverseEvents, v.nextStep, v.note);
                    out.add(new TimelineEntry("follow-up-visit", s.id, null, v.reportedAt, false, hospital,
                            "随访" + titled(v) + "：" + OutcomeRules.summaryZh(r),
                            "Follow-up" + titled(v) + ": " + OutcomeRules.summary(r),
                            v.state.name(), v.reportedBy));
                } else if (v.state == FollowUpVisit.State.OPEN && !nextShown) {
                    nextShown = true;
                    out.add(new TimelineEntry("follow-up-visit", s.id, null,
                            v.dueOn.atStartOfDay(FollowUpSchedules.ZONE).toInstant(), true, hospital,
                            "下次随访" + titled(v) + "：" + v.dueOn, "Next follow-up" + titled(v) + ": " + v.dueOn,
                            v.state.name(), s.assignee));
                }
            }
        }
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }

    /** " (the board's title)" for a visit an MDT board asked for; nothing for a template visit. */
    private static String titled(FollowUpVisit v) {
        return v.title == null ? "" : " (" + v.title + ")";
    }
}
