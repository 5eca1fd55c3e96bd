package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.jboss.logging.Logger;

/** Who hears about what on the intake side: case managers of new requests, requesters of triage results. */
@ApplicationScoped
public class ConsultNotices {

    private static final Logger LOG = Logger.getLogger(ConsultNotices.class);

    @Inject
    Notifications notifications;
    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;

    /** A new or resubmitted request: every provincial case manager. */
    public void requested(Consult c, String patientName, boolean resubmitted) {
        String zh = (resubmitted ? "会诊申请已补充重新提交：" : "新的会诊申请：") + patientName;
        String en = (resubmitted ? "Consult request resubmitted: " : "New consult request: ") + patientName;
        for (StaffMember m : caseManagers()) {
            notifications.notify(m.id(), Notifications.NEW_REQUEST, c.id, zh, en);
        }
    }

    void transitioned(Consult c, ConsultAction action, String note) {
        String detail = note == null || note.isBlank() ? "" : "（" + note + "）";
        String detailEn = note == null || note.isBlank() ? "" : " (" + note + ")";
        switch (action) {
            case ACCEPT -> toRequester(c, "会诊申请已受理", "Consult request accepted", detail, detailEn);
            case RETURN -> toRequester(c, "会诊申请被退回补充资料", "Consult request returned for more information",
                    detail, detailEn);
            case DECLINE -> toRequester(c, "会诊申请未被受理", "Consult request declined", detail, detailEn);
            case RESUBMIT -> requested(c, Patient.<Patient>findById(c.patientId).name, true);
            default -> {
            }
        }
    }

    void assigned(Consult c, String userId) {
        Patient p = Patient.findById(c.patientId);
        notifications.notify(userId, Notifications.ASSIGNED, c.id, "您被指派参加会诊：" + p.name,
                "You were assigned to a consult: " + p.name);
    }

    private void toRequester(Consult c, String zh, String en, String detail, String detailEn) {
        notifications.notify(c.requestedById, Notifications.TRIAGE_RESULT, c.id, zh + detail, en + detailEn);
    }

    /** Read live from Keycloak; a directory outage must not undo the request, so it is logged instead. */
    private List<StaffMember> caseManagers() {
        try {
            return hospitals.all().stream().filter(h -> h.level() == HospitalLevel.PROVINCIAL)
                    .flatMap(h -> staff.staff(h, Role.CASE_MANAGER, null, 0, 500).items().stream()).toList();
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot notify case managers: the staff directory failed");
            return List.of();
        }
    }
}
