package org.consilium.radiotherapy.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.dicom.rt.DoseGrid;
import org.consilium.dicom.rt.DoseVolumeHistogram;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.RtDoseReader;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetComparison;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.radiotherapy.dose.ConstraintEvaluation;
import org.consilium.radiotherapy.dose.ConstraintResult;
import org.consilium.radiotherapy.dose.ConstraintTemplate;
import org.consilium.radiotherapy.dose.ConstraintTemplates;
import org.consilium.radiotherapy.dose.DoseImpact;
import org.consilium.radiotherapy.dose.DoseReview;
import org.consilium.radiotherapy.dose.DvhSummary;
import org.consilium.radiotherapy.submission.PlanObjects;
import org.consilium.radiotherapy.submission.PlanSubmission;

/** Review metrics between two revisions and the DVH and constraints of one, for callers who may see them. */
@ApplicationScoped
public class ReviewNumbers {

    @Inject
    Revisions revisions;
    @Inject
    PlanObjects objects;
    @Inject
    ConstraintTemplates templates;

    public List<ContourMetrics> metrics(CurrentUser user, UUID submissionId, int from, int to, double spacing,
                                        double tolerance) {
        if (!(spacing >= 0.25 && spacing <= 5) || !(tolerance >= 0 && tolerance <= 20)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "spacing must be 0.25–5 mm and tolerance 0–20 mm");
        }
        StructureSet a = Revisions.structureSet(revisions.require(user, submissionId, from, "rt.metrics.read"));
        StructureSet b = Revisions.structureSet(revisions.require(user, submissionId, to, "rt.metrics.read"));
        return new StructureSetComparison(spacing, tolerance).compare(a, b);
    }

    public DoseReview dose(CurrentUser user, UUID submissionId, int number) {
        StructureSetRevision r = revisions.require(user, submissionId, number, "rt.dvh.read");
        PlanSubmission s = PlanSubmission.findById(submissionId);
        return evaluate(r, doseGrid(s), templates.forSite(s.diseaseSite).orElse(null), s.prescriptionGy);
    }

    /** The template evaluated on revision {@code from}'s ROIs beside revision {@code to}'s, on the same dose. */
    public DoseImpact doseImpact(CurrentUser user, UUID submissionId, int from, int to) {
        StructureSetRevision before = revisions.require(user, submissionId, from, "rt.dvh.read");
        StructureSetRevision after = revisions.require(user, submissionId, to, "rt.dvh.read");
        PlanSubmission s = PlanSubmission.findById(submissionId);
        DoseGrid dose = doseGrid(s);
        ConstraintTemplate template = templates.forSite(s.diseaseSite).orElse(null);
        return DoseImpact.of(evaluate(before, dose, template, s.prescriptionGy),
                evaluate(after, dose, template, s.prescriptionGy));
    }

    private static DoseReview evaluate(StructureSetRevision r, DoseGrid dose, ConstraintTemplate template,
                                       double prescriptionGy) {
        StructureSet set = Revisions.structureSet(r);
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(set);
        Map<String, DoseVolumeHistogram> dvhs = new LinkedHashMap<>();
        List<DvhSummary> rois = new java.util.ArrayList<>();
        for (Roi roi : set.rois()) {
            DoseVolumeHistogram d = DoseVolumeHistogram.of(roi, dose, planes.origin(), planes.spacing());
            dvhs.put(roi.name(), d);
            rois.add(DvhSummary.of(roi.number(), roi.name(), d));
        }
        List<ConstraintResult> results = template == null ? List.of()
                : ConstraintEvaluation.evaluate(template, dvhs, prescriptionGy);
        return new DoseReview(r.number, template == null ? null : template.site() + " v" + template.version(), rois, results);
    }

    private DoseGrid doseGrid(PlanSubmission s) {
        if (s.rtdoseUid == null) {
            throw new ProblemException(ProblemType.CONFLICT, "the submission's RTDOSE has not arrived yet");
        }
        Attributes stored = objects.stored(s.rtdoseUid);
        if (stored == null) {
            throw new ProblemException(ProblemType.CONFLICT, "RTDOSE " + s.rtdoseUid + " is no longer stored");
        }
        try {
            return RtDoseReader.read(stored);
        } catch (DicomException | IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "RTDOSE " + s.rtdoseUid + " is not usable: " + e.getMessage());
        }
    }
}
