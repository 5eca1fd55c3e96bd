package org.consilium.registry.statistics;

/**
 * What a figure counts, in Chinese and English: its title, numerator, denominator (null for a count) and the date
 * field that places a record in the date range.
 */
public record Definition(Wording zh, Wording en) {

    public record Wording(String title, String numerator, String denominator, String dateField) {
    }
}
