package org.consilium.registry.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consilium.archive.StudyRecords;
import org.consilium.consult.PatientView;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.radiotherapy.submission.SubmissionView;
import org.consilium.radiotherapy.submission.Submissions;

/**
 * The patient's radiotherapy plan reviews: the submissions the caller may see (radiotherapy's own rule) whose study
 * is the patient's, by the hospital's patient ID in the archived study. Reads the newest {@link #MAX} submissions.
 */
@ApplicationScoped
public class RtReviewTimeline implements TimelineSource {

    @Inject
    Submissions submissions;
    @Inject
    StudyRecords studies;
    @Inject
    HospitalDirectory hospitals;

    @Override
    public List<TimelineEntry> entries(CurrentUser user, PatientView patient) {
        return submissions.list(user, null, 0, MAX).items().stream()
                .filter(s -> s.hospitalId().equals(patient.hospitalId()))
                .filter(s -> studies.study(s.studyInstanceUid())
                        .filter(r -> patient.localId().equals(r.patientId())).isPresent())
                .map(this::entry).toList();
    }

    private TimelineEntry entry(SubmissionView s) {
        String plan = s.diseaseSite() + (s.prescription() == null ? "" : " " + s.prescription().totalDoseGy() + " Gy / " + s.prescription().fractions() + " fx");
        return new TimelineEntry("rt-review", s.id(), null, s.createdAt(), false,
                hospitals.byId(s.hospitalId()).map(HospitalView::name).orElse(null),
                "放疗计划审核：" + plan, "Radiotherapy plan review: " + plan, s.state().name(), s.submittedBy());
    }
}
