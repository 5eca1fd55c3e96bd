package org.consilium.consult.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.StaffDirectory;
import org.consilium.identity.StaffMember;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * Finds the people a board invites in the Keycloak directory: the provincial hospital's staff and the staff
 * of the hospitals whose consults are on the agenda (a county clinician may present their own patient).
 */
@ApplicationScoped
public class BoardStaff {

    private static final int DIRECTORY_LIMIT = 10_000;

    @Inject
    StaffDirectory staff;
    @Inject
    HospitalDirectory hospitals;

    /** A staff member found in the directory, with the hospital they belong to. */
    public record Member(StaffMember staff, UUID hospitalId) {
    }

    /** Every user id resolved, in the order given; 400 naming the first one that is not in these hospitals. */
    public Map<String, Member> resolve(Collection<String> userIds, Collection<UUID> hospitalIds) {
        Map<String, Member> found = new LinkedHashMap<>();
        for (UUID h : hospitalIds) {
            HospitalView hospital = hospitals.byId(h).orElseThrow();
            for (StaffMember m : staff.staff(hospital, null, null, 0, DIRECTORY_LIMIT).items()) {
                if (userIds.contains(m.id())) {
                    found.putIfAbsent(m.id(), new Member(m, h));
                }
            }
        }
        Map<String, Member> ordered = new LinkedHashMap<>();
        for (String id : userIds) {
            Member m = found.get(id);
            if (m == null) {
                throw new ProblemException(ProblemType.VALIDATION, "user " + id
                        + " is not on the staff of the provincial hospital or of a requesting hospital");
            }
            ordered.put(id, m);
        }
        return ordered;
    }

    /** The provincial hospitals (normally one): they host every board. */
    public List<UUID> provincial() {
        return hospitals.all().stream().filter(h -> h.level() == HospitalLevel.PROVINCIAL).map(HospitalView::id)
                .toList();
    }

    /** The provincial case managers, who hear about outcomes and follow-up. */
    public List<StaffMember> caseManagers() {
        return provincial().stream().map(h -> hospitals.byId(h).orElseThrow())
                .flatMap(h -> staff.staff(h, "case-manager", null, 0, DIRECTORY_LIMIT).items().stream()).toList();
    }

    public Optional<Member> find(String userId, Collection<UUID> hospitalIds) {
        try {
            return Optional.of(resolve(List.of(userId), hospitalIds).get(userId));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }
}
