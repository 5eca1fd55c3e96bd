package org.consilium.radiotherapy.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalLevel;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;

/**
 * Who may see a plan submission, in one place: the submitting hospital's staff, the provincial reviewers
 * assigned to it, the provincial case managers and platform-admins. Everyone else gets 404.
 */
@ApplicationScoped
public class SubmissionVisibility {

    @Inject
    EntityManager em;

    public boolean maySee(CurrentUser user, PlanSubmission s) {
        return coordinates(user) || s.hospitalId.equals(user.hospital().map(HospitalView::id).orElse(null))
                || isReviewer(s.id, user.id());
    }

    /** Platform-admins and provincial case managers run the review queue. */
    public boolean coordinates(CurrentUser user) {
        return user.hasRole(Role.PLATFORM_ADMIN) || (user.hasRole(Role.CASE_MANAGER) && provincial(user));
    }

    public static boolean provincial(CurrentUser user) {
        return user.hospital().map(h -> h.level() == HospitalLevel.PROVINCIAL).orElse(false);
    }

    public boolean isReviewer(UUID submissionId, String userId) {
        return !em.createNativeQuery("select 1 from rt_submission_reviewer where submission_id = ?1 and user_id = ?2")
                .setParameter(1, submissionId).setParameter(2, userId).getResultList().isEmpty();
    }
}
