package org.consilium.audit;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consilium.platform.Page;

/** Reads the audit trail with filters, newest first. */
@ApplicationScoped
public class AuditSearch {

    public Page<AuditEntry> find(AuditQuery q, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "actorId = :actorId", "actorId", q.actorId());
        add(where, params, "hospitalId = :hospitalId", "hospitalId", q.hospitalId());
        add(where, params, "action = :action", "action", q.action());
        add(where, params, "outcome = :outcome", "outcome", q.outcome());
        add(where, params, "target = :target", "target", q.target());
        add(where, params, "at >= :from", "from", q.from());
        add(where, params, "at < :to", "to", q.to());
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var found = AuditEvent.<AuditEvent>find(query, Sort.descending("seq"), params);
        long total = found.count();
        List<AuditEntry> items = found.range(offset, offset + limit - 1).list().stream().map(AuditEntry::of).toList();
        return new Page<>(items, total, offset, limit);
    }

    private static void add(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null && !"".equals(value)) {
            where.add(clause);
            params.put(name, value);
        }
    }
}
