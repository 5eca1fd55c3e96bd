package org.consilium.registry.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The statistics over a date range (both days included, Asia/Shanghai) for one hospital, or every hospital the
 * caller may see ({@code scope} HOSPITAL or ALLIANCE), screening optionally narrowed to one programme.
 */
public record Dashboard(LocalDate from, LocalDate to, Scope scope, UUID hospitalId, UUID programmeId,
                        List<UUID> hospitals, List<Figure> figures, List<Breakdown> breakdowns) {

    public enum Scope { HOSPITAL, ALLIANCE }
}
