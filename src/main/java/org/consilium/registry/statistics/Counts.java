package org.consilium.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Runs a section's SQL over a window: {@code :hospitals}, {@code :start}/{@code :end} (instants, end excluded),
 * {@code :from}/{@code :to} (days, both included) and {@code :programme} are bound where the SQL names them.
 */
@ApplicationScoped
class Counts {

    @Inject
    EntityManager em;

    Object[] one(String sql, Window w) {
        Object r = bind(em.createNativeQuery(sql), sql, w).getSingleResult();
        return r instanceof Object[] a ? a : new Object[] {r};
    }

    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Window w) {
        return bind(em.createNativeQuery(sql), sql, w).getResultList();
    }

    private static Query bind(Query q, String sql, Window w) {
        if (sql.contains(":hospitals")) {
            q.setParameter("hospitals", w.hospitals());
        }
        if (sql.contains(":start")) {
            q.setParameter("start", w.start());
        }
        if (sql.contains(":end")) {
            q.setParameter("end", w.end());
        }
        if (sql.contains(":from")) {
            q.setParameter("from", w.from());
        }
        if (sql.contains(":to")) {
            q.setParameter("to", w.to());
        }
        if (sql.contains(":programme")) {
            q.setParameter("programme", w.programmeId());
        }
        return q;
    }

    static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
