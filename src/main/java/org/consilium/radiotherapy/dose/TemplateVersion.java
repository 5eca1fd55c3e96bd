package org.consilium.radiotherapy.dose;

import java.time.Instant;

/**
 * A constraint template with who made its version and when; {@code author} is null for the built-in
 * version 1 of a site that has not been edited.
 */
public record TemplateVersion(ConstraintTemplate template, String author, Instant createdAt, String note) {
}
