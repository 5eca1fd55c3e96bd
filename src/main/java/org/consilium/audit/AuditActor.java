package org.consilium.audit;

/** Who acted: the identity provider's subject id and a readable name. */
public record AuditActor(String id, String name) {

    public static final AuditActor SYSTEM = new AuditActor("system", "Consilium");
}
