package org.consilium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/** A hospital's staff, read live from its Keycloak organization, filtered by role and discipline. */
@ApplicationScoped
public class StaffDirectory {

    @Inject
    KeycloakDirectory keycloak;
    @Inject
    HospitalDirectory hospitals;

    public Page<StaffMember> staff(HospitalView hospital, String role, String discipline, int offset, int limit) {
        String orgId = organizationId(hospital);
        Map<String, Set<String>> roles = keycloak.realmRolesByUser();
        Map<String, String> disciplines = keycloak.disciplineByUser();
        List<StaffMember> all = keycloak.members(orgId).stream()
                .filter(m -> Boolean.TRUE.equals(m.isEnabled()))
                .map(m -> toStaff(m, roles.getOrDefault(m.getId(), Set.of()), disciplines.get(m.getId())))
                .filter(s -> role == null || s.roles().contains(role))
                .filter(s -> discipline == null || discipline.equals(s.discipline()))
                .sorted(Comparator.comparing(StaffMember::username))
                .toList();
        List<StaffMember> page = all.stream().skip(offset).limit(limit).toList();
        return new Page<>(page, all.size(), offset, limit);
    }

    /** Seeded hospitals know only their alias; the organization id is looked up once and kept. */
    private String organizationId(HospitalView hospital) {
        return hospitals.organizationId(hospital.id()).orElseGet(() -> {
            String id = keycloak.organizationByAlias(hospital.alias()).map(OrganizationRepresentation::getId)
                    .orElseThrow(() -> new ProblemException(ProblemType.UPSTREAM,
                            "Keycloak has no organization with alias " + hospital.alias()));
            hospitals.linkOrganization(hospital.id(), id);
            return id;
        });
    }

    private static StaffMember toStaff(MemberRepresentation m, Set<String> roles, String discipline) {
        return new StaffMember(m.getId(), m.getUsername(),
                PersonNames.display(m.getLastName(), m.getFirstName(), m.getUsername()), m.getEmail(), discipline,
                new TreeSet<>(roles));
    }
}
