package org.consilium.consult;

import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.consilium.identity.CurrentUser;

/**
 * The JPQL for "consults this caller may see, filtered": {@link ConsultVisibility}'s rule as a query, plus
 * optional state, patient and queue conditions. Built with only the conditions in use, so that no parameter
 * is ever bound as an untyped null.
 */
final class ConsultFilter {

    private final StringBuilder jpql = new StringBuilder("from Consult c where 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    ConsultFilter(ConsultVisibility visibility, CurrentUser user, ConsultState state, UUID patient) {
        if (!visibility.coordinates(user)) {
            UUID county = visibility.ownCountyHospital(user);
            jpql.append(" and (c.requestedById = :user").append(county == null ? "" : " or c.hospitalId = :county")
                    .append(" or exists (select 1 from ConsultAssignment a where a.consultId = c.id"
                            + " and a.userId = :user))");
            params.put("user", user.id());
            if (county != null) {
                params.put("county", county);
            }
        }
        where("c.state = :state", "state", state);
        where("c.patientId = :patient", "patient", patient);
    }

    /** Adds {@code condition} when {@code value} is given. */
    ConsultFilter where(String condition, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    String jpql() {
        return jpql.toString();
    }

    <Q extends TypedQuery<?>> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
