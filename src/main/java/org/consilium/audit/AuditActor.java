package org.consilium.audit;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who acted: the identity provider's subject id and a readable name. */
public record AuditActor(String id, String name) {

    public static final AuditActor SYSTEM = new AuditActor("system", "Consilium");

    /** The caller of a verified access token: its subject, named by {@code preferred_username} if present. */
    public static AuditActor of(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return new AuditActor(token.getSubject(), username != null ? username : token.getSubject());
    }
}
