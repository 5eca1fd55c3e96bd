package org.consilium.registry.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a patient, as the timeline lists it. {@code kind} says what {@code subjectId} names and
 * so which page the app opens: {@code report}, {@code referral}, {@code consult}, {@code recommendation} (its consult
 * is {@code parentId}), {@code rt-review},
 * {@code follow-up} and {@code follow-up-visit} (the schedule is {@code subjectId}, the visit {@code parentId}
 * stays null); a new source adds its own kind (e.g. {@code registry-record}).
 *
 * @param at      when it happened; for an {@code allDay} entry (a visit or task due on a day) the start of that day
 *                in the alliance's time zone (Asia/Shanghai), to be shown as a date
 * @param state   the subject's state now, in the API's own words (e.g. {@code ACCEPTED}, {@code SIGNED})
 * @param by      who did it, as the record names them
 */
public record TimelineEntry(String kind, UUID subjectId, UUID parentId, Instant at, boolean allDay,
                            String hospitalName, String titleZh, String titleEn, String state, String by) {
}
