package org.consilium.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Reads and writes hospitals (organizations), users and roles through the Keycloak admin API.
 * Keycloak failures become a 502 problem, never a leaked upstream status.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final int MAX_LISTED = 1000;

    @Inject
    Keycloak keycloak;
    @Inject
    IdentityConfig config;

    public Optional<OrganizationRepresentation> organizationByAlias(String alias) {
        return call(() -> realm().organizations().getAll().stream()
                .filter(o -> alias.equals(o.getAlias())).findFirst());
    }

    public String createOrganization(String alias, String name, String domain, Map<String, List<String>> attributes) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(alias);
        org.setName(name);
        org.setEnabled(true);
        org.setAttributes(attributes);
        OrganizationDomainRepresentation d = new OrganizationDomainRepresentation();
        d.setName(domain);
        org.addDomain(d);
        return call(() -> {
            try (Response r = realm().organizations().create(org)) {
                if (r.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "Keycloak already has an organization named " + name + " or with domain " + domain
                                    + " under another alias");
                }
                return CreatedResponseUtil.getCreatedId(r);
            }
        });
    }

    public Optional<UserRepresentation> userByUsername(String username) {
        return call(() -> realm().users().searchByUsername(username, true).stream().findFirst());
    }

    public String createUser(UserRepresentation user, String temporaryPassword) {
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(temporaryPassword);
        password.setTemporary(true);
        user.setCredentials(List.of(password));
        user.setEnabled(true);
        return call(() -> {
            try (Response r = realm().users().create(user)) {
                if (r.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new ProblemException(ProblemType.CONFLICT,
                            "Keycloak already has a user with email " + user.getEmail());
                }
                return CreatedResponseUtil.getCreatedId(r);
            }
        });
    }

    public void ensureMember(String organizationId, String userId) {
        call(() -> {
            var members = realm().organizations().get(organizationId).members();
            boolean already = members.getAll().stream().anyMatch(m -> userId.equals(m.getId()));
            if (!already) {
                try (Response r = members.addMember(userId)) {
                    if (r.getStatus() >= 300) {
                        throw new WebApplicationException(r.getStatus());
                    }
                }
            }
            return null;
        });
    }

    public void grantRealmRole(String userId, String role) {
        call(() -> {
            var roleRep = realm().roles().get(role).toRepresentation();
            realm().users().get(userId).roles().realmLevel().add(List.of(roleRep));
            return null;
        });
    }

    public List<MemberRepresentation> members(String organizationId) {
        return call(() -> realm().organizations().get(organizationId).members().list(0, MAX_LISTED));
    }

    /** user id → the Consilium realm roles the user holds. */
    public Map<String, Set<String>> realmRolesByUser() {
        return call(() -> {
            Map<String, Set<String>> roles = new HashMap<>();
            for (String role : Role.ALL) {
                for (UserRepresentation u : realm().roles().get(role).getUserMembers(0, MAX_LISTED)) {
                    roles.computeIfAbsent(u.getId(), k -> new HashSet<>()).add(role);
                }
            }
            return roles;
        });
    }

    /** user id → discipline, for users that have one. */
    public Map<String, String> disciplineByUser() {
        return call(() -> {
            Map<String, String> disciplines = new HashMap<>();
            for (String d : Role.DISCIPLINES) {
                for (UserRepresentation u : realm().users().searchByAttributes(0, MAX_LISTED, true, true,
                        "discipline:" + d)) {
                    disciplines.put(u.getId(), d);
                }
            }
            return disciplines;
        });
    }

    public List<String> realmRolesOf(String userId) {
        return call(() -> realm().users().get(userId).roles().realmLevel().listAll().stream()
                .map(r -> r.getName()).toList());
    }

    private RealmResource realm() {
        return keycloak.realm(config.keycloakRealm());
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw new ProblemException(ProblemType.UPSTREAM, "Keycloak admin API failed: " + e.getMessage(), e);
        }
    }
}
