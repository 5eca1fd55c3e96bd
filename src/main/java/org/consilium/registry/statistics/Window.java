package org.consilium.registry.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.identity.CurrentUser;

/**
 * Whose figures over which days: the hospitals (already checked against the caller's scope), the first and last
 * day (both included) and the same as instants [start, end) in Asia/Shanghai; the programme narrows screening.
 */
record Window(CurrentUser user, List<UUID> hospitals, LocalDate from, LocalDate to, UUID programmeId) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Every month the window touches, as YYYY-MM, so that a month without records shows as zero. */
    List<String> months() {
        List<String> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }
}
