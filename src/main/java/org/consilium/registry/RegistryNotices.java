package org.consilium.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.UserNotice;
import org.jboss.logging.Logger;

/**
 * Who hears about case management, through the users' notification feed (a {@link UserNotice} recorded in the
 * firing transaction and pushed to the user's live channel once the change commits): a hospital's own case
 * managers and the provincial ones, who coordinate the alliance. Each notice names its subject (the report,
 * referral or follow-up schedule) so the app links to it by its kind.
 */
@ApplicationScoped
public class RegistryNotices {

    public static final String REPORTED = "registry.reported";
    public static final String REFERRAL = "registry.referral";

    private static final Logger LOG = Logger.getLogger(RegistryNotices.class);

    @Inject
    Event<UserNotice> notices;
    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;

    /** Every case manager of {@code hospitalId} and of the provincial hospitals, each once. */
    public void toCaseManagers(UUID hospitalId, String kind, UUID subjectId, String zh, String en) {
        for (String userId : caseManagers(hospitalId).keySet()) {
            toUser(userId, kind, subjectId, zh, en);
        }
    }

    /** Every case manager, clinician and specialist of {@code hospitalId}, and {@code alsoUserId} when given, each once. */
    public void toStaff(UUID hospitalId, String alsoUserId, String kind, UUID subjectId, String zh, String en) {
        Map<String, StaffMember> to = new LinkedHashMap<>();
        if (alsoUserId != null) {
            to.put(alsoUserId, null);
        }
        try {
            hospitals.byId(hospitalId).ifPresent(h -> staff.staff(h, null, null, 0, 500).items().stream()
                    .filter(m -> m.roles().contains(Role.CASE_MANAGER) || m.roles().contains(Role.CLINICIAN)
                            || m.roles().contains(Role.SPECIALIST))
                    .forEach(m -> to.putIfAbsent(m.id(), m)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot notify the staff of %s: the staff directory failed", hospitalId);
        }
        to.keySet().forEach(id -> toUser(id, kind, subjectId, zh, en));
    }

    /** One user; {@code subjectId} is what the notice is about (its kind says what that is). */
    public void toUser(String userId, String kind, UUID subjectId, String zh, String en) {
        notices.fire(new UserNotice(userId, kind, subjectId, zh, en));
    }

    /** Read live from Keycloak; a directory outage must not undo the report, so it is logged instead. */
    private Map<String, StaffMember> caseManagers(UUID hospitalId) {
        Map<String, StaffMember> found = new LinkedHashMap<>();
        try {
            for (HospitalView h : hospitals.all()) {
                if (h.id().equals(hospitalId) || h.level() == HospitalLevel.PROVINCIAL) {
                    staff.staff(h, Role.CASE_MANAGER, null, 0, 500).items().forEach(m -> found.putIfAbsent(m.id(), m));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot notify case managers: the staff directory failed");
        }
        return found;
    }
}
