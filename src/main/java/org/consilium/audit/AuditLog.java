package org.consilium.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the audit trail. Each record commits on its own, so that a denied or failed attempt is
 * kept even when the caller's transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    /** Serialises writers so that each row's prev_hash is the hash of the row committed before it. */
    private static final long CHAIN_LOCK = 0x436f6e73_41756469L;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(AuditActor actor, UUID hospitalId, String action, String target, Outcome outcome,
                       String detail) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        AuditEvent e = new AuditEvent();
        e.seq = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('audit', 'seq'))")
                .getSingleResult()).longValue();
        List<?> last = em.createNativeQuery("select hash from audit order by seq desc limit 1").getResultList();
        e.prevHash = last.isEmpty() ? AuditChain.GENESIS : last.get(0).toString();
        e.at = Instant.now().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        e.actorId = actor.id();
        e.actor = actor.name();
        e.hospitalId = hospitalId;
        e.action = action;
        e.target = target;
        e.outcome = outcome;
        e.detail = detail;
        e.hash = AuditChain.hash(e);
        e.persist();
        return e.seq;
    }
}
