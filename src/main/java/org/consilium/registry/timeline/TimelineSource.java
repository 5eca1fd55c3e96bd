package org.consilium.registry.timeline;

import java.util.List;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;

/**
 * A contributor to the patient timeline: each package that keeps something about a patient offers its entries
 * through one CDI bean implementing this (reports, referrals, follow-up, consults and recommendations, RT reviews).
 * This is the extension point for the tumor registry record: a bean in its package returns {@code registry-record}
 * entries and the timeline shows them without any change here.
 *
 * <p>A source returns only what {@code user} may see by its own capability's rules, and reads other capabilities
 * only through their public APIs. It returns at most {@link #MAX} entries, newest first.
 */
public interface TimelineSource {

    int MAX = 200;

    List<TimelineEntry> entries(CurrentUser user, PatientView patient);
}
