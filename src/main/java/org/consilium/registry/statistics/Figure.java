package org.consilium.registry.statistics;

/**
 * One figure of the dashboard: a count, a rate (0–1, null when its denominator is zero) or a time in seconds,
 * with the numerator and denominator it was worked out from and its definition.
 */
public record Figure(String key, String section, Unit unit, Double value, Long numerator, Long denominator,
                     Definition definition) {

    public enum Unit { COUNT, RATE, SECONDS }
}
