package org.consilium.radiotherapy.dose;

import java.util.List;

/**
 * The dose limits a hospital applies to plans of one disease site, for example "lung, conventional
 * fractionation". Versioned: an edit makes a new version, and a review records the version it used.
 *
 * @param site        the disease site key, e.g. {@code lung}, {@code lung-sbrt}, {@code nasopharynx}
 * @param name        the name shown, e.g. "肺癌 常规分割 / Lung, conventional"
 * @param version     1, 2, ...
 * @param constraints the limits
 */
public record ConstraintTemplate(String site, String name, int version, List<DoseConstraint> constraints) {

    public ConstraintTemplate {
        constraints = List.copyOf(constraints);
        if (site == null || !site.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("site must be a lower-case key such as lung-sbrt, not '" + site + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }
}
