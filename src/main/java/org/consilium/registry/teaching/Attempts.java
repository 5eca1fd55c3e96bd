package org.consilium.registry.teaching;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.StoredJson;
import org.consilium.platform.UuidV7;
import org.consilium.radiotherapy.review.ContourScoring;
import org.consilium.radiotherapy.review.ContourScoring.RoiScore;
import org.consilium.radiotherapy.review.RevisionContent;

/**
 * A trainee's one attempt at a case of their course: the contours they drew, scored at once against the expert's
 * targets with the review metrics (radiotherapy's {@link ContourScoring}); afterwards they may see the expert
 * contours and the overlay of both.
 */
@ApplicationScoped
public class Attempts {

    static final String TARGET = "teaching-attempt:";
    private static final double LIMIT_MM = 5000;

    @Inject
    Courses courses;
    @Inject
    Enrolments enrolments;
    @Inject
    AuditLog audit;

    @Transactional
    public AttemptView submit(CurrentUser user, UUID courseId, UUID caseId, AttemptRequest r) {
        TeachingCourse course = courses.require(user, courseId, "teaching.attempt.submit");
        if (!enrolments.enrolled(courseId, user.id())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the course's trainees submit attempts");
        }
        TeachingCase tc = caseOf(courseId, caseId);
        if (tc.expertContours == null) {
            throw new ProblemException(ProblemType.CONFLICT, "teaching case " + caseId + " has no expert contours to score against");
        }
        if (TeachingAttempt.count("courseId = ?1 and caseId = ?2 and traineeId = ?3", courseId, caseId, user.id()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "you have already submitted this case (每例仅可提交一次)");
        }
        List<String> targets = TeachingCases.targetsOf(tc);
        RevisionContent expert = TeachingCases.contoursOf(tc).only(targets);
        RevisionContent drawn = expert.drawnOver(drawnRois(r, targets));
        List<RoiScore> scores = ContourScoring.score(expert, drawn);
        TeachingAttempt a = new TeachingAttempt();
        a.id = UuidV7.next();
        a.courseId = courseId;
        a.caseId = caseId;
        a.traineeId = user.id();
        a.trainee = user.displayName();
        a.contours = StoredJson.write(drawn);
        a.scores = StoredJson.write(scores);
        a.meanDice = scores.stream().mapToDouble(s -> s.dice() == null ? 0 : s.dice()).average().orElse(0);
        a.meanHd95 = scores.stream().map(RoiScore::hausdorff95).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .average().stream().boxed().findFirst().orElse(null);
        a.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        a.persist();
        audit.record(user.asActor(), hospital(user), "teaching.attempt.submit", TARGET + a.id, Outcome.SUCCESS,
                "case " + caseId + " of course " + course.id + ", mean Dice " + a.meanDice);
        return view(a, expert);
    }

    /** The caller's own attempt with the expert contours for the overlay; 404 before they submitted. */
    public AttemptView mine(CurrentUser user, UUID courseId, UUID caseId) {
        courses.require(user, courseId, "teaching.attempt.read");
        TeachingCase tc = caseOf(courseId, caseId);
        TeachingAttempt a = TeachingAttempt.find("courseId = ?1 and caseId = ?2 and traineeId = ?3", courseId, caseId,
                user.id()).firstResult();
        if (a == null) {
            throw ProblemException.notFound("your attempt at case " + caseId);
        }
        audit.record(user.asActor(), hospital(user), "teaching.attempt.read", TARGET + a.id, Outcome.SUCCESS,
                "case " + caseId);
        return view(a, TeachingCases.contoursOf(tc).only(TeachingCases.targetsOf(tc)));
    }

    private TeachingCase caseOf(UUID courseId, UUID caseId) {
        if (!enrolments.cases(courseId).contains(caseId)) {
            throw ProblemException.notFound("case " + caseId + " in course " + courseId);
        }
        return TeachingCase.findById(caseId);
    }

    /** The drawn ROIs as planes of closed polygons, every name one of the targets; 400 naming what is wrong. */
    private static List<RevisionContent.RoiPlanes> drawnRois(AttemptRequest r, List<String> targets) {
        List<RevisionContent.RoiPlanes> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.rois().size(); i++) {
            AttemptRequest.DrawnRoi roi = r.rois().get(i);
            String field = "rois[" + i + "]";
            if (!targets.contains(roi.name())) {
                throw invalid(field + ".name: " + roi.name() + " is not a target of this case " + targets);
            }
            if (!seen.add(roi.name())) {
                throw invalid(field + ".name: " + roi.name() + " appears twice");
            }
            List<RevisionContent.Plane> planes = new ArrayList<>();
            for (int p = 0; p < roi.planes().size(); p++) {
                AttemptRequest.DrawnPlane plane = roi.planes().get(p);
                List<RevisionContent.Polygon> polygons = new ArrayList<>();
                for (int g = 0; g < plane.polygons().size(); g++) {
                    polygons.add(new RevisionContent.Polygon("CLOSED_PLANAR", polygon(plane,
                            plane.polygons().get(g), field + ".planes[" + p + "].polygons[" + g + "]"), List.of()));
                }
                planes.add(new RevisionContent.Plane(plane.z(), plane.sopInstanceUid(), polygons));
            }
            out.add(new RevisionContent.RoiPlanes(0, roi.name(), null, null, null, planes));
        }
        return out;
    }

    /** A closed polygon on the plane: at least 3 finite points, x, y within ±5 m, z that of the plane. */
    private static double[] polygon(AttemptRequest.DrawnPlane plane, double[] points, String field) {
        if (points.length % 3 != 0 || points.length < 9 || points.length > 3 * 2000) {
            throw invalid(field + ": 3 to 2000 points as x, y, z triples");
        }
        if (!Double.isFinite(plane.z()) || Math.abs(plane.z()) > LIMIT_MM) {
            throw invalid(field + ": the plane's z is not a position in mm");
        }
        double[] out = points.clone();
        for (int i = 0; i < out.length; i += 3) {
            if (!Double.isFinite(out[i]) || !Double.isFinite(out[i + 1]) || Math.abs(out[i]) > LIMIT_MM
                    || Math.abs(out[i + 1]) > LIMIT_MM) {
                throw invalid(field + ": point " + i / 3 + " is not a position in mm");
            }
            out[i + 2] = plane.z();
        }
        return out;
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(ProblemType.VALIDATION, message);
    }

    private static UUID hospital(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }

    private static AttemptView view(TeachingAttempt a, RevisionContent expert) {
        return new AttemptView(a.id, a.courseId, a.caseId, a.trainee, a.submittedAt,
                StoredJson.read(a.scores, new TypeReference<>() {}), a.meanDice, a.meanHd95,
                StoredJson.read(a.contours, new TypeReference<>() {}), expert);
    }
}
