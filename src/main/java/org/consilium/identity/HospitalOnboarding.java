package org.consilium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Onboards a hospital: the Keycloak organization, its hospital-admin user, then the local row.
 * Every step first looks for what an earlier call made, so repeating a call (or resuming one that
 * failed half-way) converges on the same state.
 */
@ApplicationScoped
public class HospitalOnboarding {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    @Inject
    KeycloakDirectory keycloak;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;

    public OnboardResult onboard(OnboardRequest req, CurrentUser caller) {
        String orgId = keycloak.organizationByAlias(req.alias()).map(OrganizationRepresentation::getId)
                .orElseGet(() -> keycloak.createOrganization(req.alias(), req.name(), req.domainOrDefault(),
                        Map.of("level", List.of(req.levelOrDefault().name().toLowerCase()))));

        String password = null;
        UserRepresentation existing = keycloak.userByUsername(req.admin().username()).orElse(null);
        String userId;
        if (existing != null) {
            userId = existing.getId();
        } else {
            password = temporaryPassword();
            userId = keycloak.createUser(adminUser(req.admin()), password);
        }
        keycloak.ensureMember(orgId, userId);
        keycloak.grantRealmRole(userId, Role.HOSPITAL_ADMIN);

        boolean created = hospitals.register(req.alias(), req.name(), req.nameEn(), req.levelOrDefault(), orgId);
        HospitalView hospital = hospitals.byAlias(req.alias()).orElseThrow();
        audit.record(caller.asActor(), hospital.id(), "hospital.onboard", "hospital:" + req.alias(), Outcome.SUCCESS,
                (created ? "created" : "already onboarded") + "; organization " + orgId + "; admin "
                        + req.admin().username() + (password != null ? " (new)" : " (existing)"));
        return new OnboardResult(created, hospital, orgId,
                new OnboardResult.AdminAccount(userId, req.admin().username(), password));
    }

    private static UserRepresentation adminUser(OnboardRequest.Admin a) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(a.username());
        u.setEmail(a.email());
        u.setLastName(a.familyName());
        u.setFirstName(a.givenName());
        u.setEmailVerified(false);
        u.setRequiredActions(List.of("UPDATE_PASSWORD"));
        return u;
    }

    private static String temporaryPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }
}
