package org.consilium.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.consilium.audit.AuditActor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of this request, read from the verified access token. The hospital comes from the
 * token's {@code organization} claim (the Keycloak organization alias).
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;
    @Inject
    HospitalDirectory hospitals;

    private Optional<HospitalView> hospital;

    public String id() {
        return jwt.getSubject();
    }

    public String username() {
        String u = jwt.getClaim("preferred_username");
        return u != null ? u : id();
    }

    public String displayName() {
        return PersonNames.display(jwt.getClaim("family_name"), jwt.getClaim("given_name"), username());
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> discipline() {
        return Optional.ofNullable(jwt.<String>getClaim("discipline"));
    }

    /** The caller's hospital, or empty when the token names no organization we know. */
    public Optional<HospitalView> hospital() {
        if (hospital == null) {
            hospital = organizationAliases().stream().map(hospitals::byAlias)
                    .flatMap(Optional::stream).findFirst();
        }
        return hospital;
    }

    public AuditActor asActor() {
        return AuditActor.of(jwt);
    }

    private Set<String> organizationAliases() {
        Object claim = jwt.getClaim("organization");
        Set<String> aliases = new TreeSet<>();
        if (claim instanceof Iterable<?> values) {
            for (Object v : values) {
                aliases.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (claim instanceof JsonString s) {
            aliases.add(s.getString());
        } else if (claim instanceof String s) {
            aliases.add(s);
        }
        return aliases;
    }
}
