package org.consilium.radiotherapy.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ContourDefect;
import org.consilium.dicom.rt.ContourDefects;
import org.consilium.dicom.rt.DoseGrid;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.RtDoseReader;
import org.consilium.dicom.rt.RtPlanSummary;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetReader;

/**
 * The consistency checks of a submitted plan (docs/radiotherapy.md, "Submission"): one Frame of Reference
 * across CT, RTSTRUCT and RTDOSE; every contour a closed axial polygon on a CT slice naming CT images that
 * exist; the dose grid covering every target; usable dose units and scaling; the plan referring to the
 * structure set and agreeing with the submitted prescription. Errors block review, warnings do not.
 */
public final class PlanConsistency {

    /** How far a contour plane may be from a CT slice position (mm). */
    public static final double SLICE_TOLERANCE = 0.05;
    private static final Set<String> TARGETS = Set.of("PTV", "CTV", "GTV");

    private PlanConsistency() {}

    /** The objects to check, as read from the archive. */
    public record Objects(List<Attributes> ctSlices, Attributes rtstruct, Attributes rtplan, Attributes rtdose) {
    }

    public static List<Finding> check(Objects o, Prescription prescription) {
        List<Finding> out = new ArrayList<>();
        String ctFrame = ctFrameOfReference(o.ctSlices(), out);
        StructureSet set = structureSet(o.rtstruct(), out);
        DoseGrid dose = doseGrid(o.rtdose(), out);
        sameFrame("RTSTRUCT", o.rtstruct(), set == null ? null : set.frameOfReferenceUid(), ctFrame, out);
        sameFrame("RTDOSE", o.rtdose(), o.rtdose().getString(Tag.FrameOfReferenceUID), ctFrame, out);
        if (set != null) {
            contours(set, o, out);
            if (dose != null) {
                coverage(set, dose, o.rtdose(), out);
            }
        }
        plan(o, prescription, out);
        return out;
    }

    /** The structure set of a consistent plan (one without an rtstruct-malformed error). */
    static StructureSet structureSet(Attributes rtstruct) {
        try {
            return StructureSetReader.read(rtstruct);
        } catch (DicomException e) {
            throw new IllegalStateException("RTSTRUCT passed the checks but does not read: " + e.getMessage(), e);
        }
    }

    public static boolean blocksReview(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    private static String ctFrameOfReference(List<Attributes> ct, List<Finding> out) {
        Set<String> frames = new HashSet<>();
        for (Attributes slice : ct) {
            frames.add(slice.getString(Tag.FrameOfReferenceUID, ""));
        }
        if (frames.size() > 1 || frames.contains("")) {
            out.add(error("ct-frame-of-reference", "CT", null, attribute(Tag.FrameOfReferenceUID), null,
                "the CT images do not share one Frame of Reference UID: " + frames));
            return null;
        }
        return frames.iterator().next();
    }

    private static StructureSet structureSet(Attributes rtstruct, List<Finding> out) {
        try {
            return StructureSetReader.read(rtstruct);
        } catch (DicomException e) {
            out.add(error("rtstruct-malformed", "RTSTRUCT", sop(rtstruct), attribute(e.tag()), null, e.getMessage()));
            return null;
        }
    }

    private static DoseGrid doseGrid(Attributes rtdose, List<Finding> out) {
        String units = rtdose.getString(Tag.DoseUnits, "");
        if (!units.equals("GY")) {
            out.add(error("dose-units", "RTDOSE", sop(rtdose), attribute(Tag.DoseUnits), null,
                "Dose Units is '" + units + "'; absolute dose in GY is needed to evaluate constraints"));
        }
        double scaling = rtdose.getDouble(Tag.DoseGridScaling, Double.NaN);
        if (!(scaling > 0)) {
            out.add(error("dose-grid-scaling", "RTDOSE", sop(rtdose), attribute(Tag.DoseGridScaling), null,
                "Dose Grid Scaling is " + rtdose.getString(Tag.DoseGridScaling, "missing") + "; it must be a positive number"));
            return null;
        }
        String summation = rtdose.getString(Tag.DoseSummationType, "");
        if (!summation.equals("PLAN")) {
            out.add(warning("dose-summation", "RTDOSE", sop(rtdose), attribute(Tag.DoseSummationType), null,
                "Dose Summation Type is '" + summation + "', not PLAN: the grid may not be the whole plan's dose"));
        }
        try {
            return RtDoseReader.read(rtdose);
        } catch (DicomException e) {
            out.add(error("rtdose-malformed", "RTDOSE", sop(rtdose), attribute(e.tag()), null, e.getMessage()));
            return null;
        }
    }

    private static void sameFrame(String object, Attributes ds, String frame, String ctFrame, List<Finding> out) {
        if (ctFrame != null && frame != null && !frame.equals(ctFrame)) {
            out.add(error("frame-of-reference-mismatch", object, sop(ds), attribute(Tag.FrameOfReferenceUID), null,
                object + " is in Frame of Reference " + frame + ", the CT in " + ctFrame));
        }
    }

    private static void contours(StructureSet set, Objects o, List<Finding> out) {
        double[] z = new double[o.ctSlices().size()];
        Set<String> images = new HashSet<>();
        for (int i = 0; i < z.length; i++) {
            Attributes slice = o.ctSlices().get(i);
            double[] position = slice.getDoubles(Tag.ImagePositionPatient);
            z[i] = position.length == 3 ? position[2] : Double.NaN;
            images.add(slice.getString(Tag.SOPInstanceUID));
        }
        for (ContourDefect d : new ContourDefects(z, images, SLICE_TOLERANCE).find(set)) {
            int tag = d.kind() == ContourDefect.Kind.UNKNOWN_IMAGE ? Tag.ReferencedSOPInstanceUID
                : d.kind() == ContourDefect.Kind.OPEN ? Tag.ContourGeometricType : Tag.ContourData;
            out.add(error("contour-" + d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), "RTSTRUCT",
                sop(o.rtstruct()), attribute(tag), d.roiLabel(), String.format(Locale.ROOT,
                    "ROI %s, contour %d at z = %.2f mm: %s", d.roiLabel(), d.contour() + 1, d.z(), d.detail())));
        }
    }

    private static void coverage(StructureSet set, DoseGrid dose, Attributes rtdose, List<Finding> out) {
        for (Roi roi : set.rois()) {
            String type = roi.interpretedType();
            if (type.equals("EXTERNAL")) {
                continue;
            }
            Double outside = firstPlaneOutside(roi, dose);
            if (outside == null) {
                continue;
            }
            String label = roi.number() + " " + roi.name();
            String message = String.format(Locale.ROOT, "ROI %s (%s) reaches beyond the dose grid at z = %.2f mm",
                label, type.isEmpty() ? "no type" : type, outside);
            out.add(TARGETS.contains(type)
                ? error("dose-grid-does-not-cover-target", "RTDOSE", sop(rtdose), attribute(Tag.GridFrameOffsetVector), label, message)
                : warning("dose-grid-does-not-cover-roi", "RTDOSE", sop(rtdose), attribute(Tag.GridFrameOffsetVector), label, message));
        }
    }

    private static Double firstPlaneOutside(Roi roi, DoseGrid dose) {
        for (Contour c : roi.contours()) {
            double[] p = c.points();
            for (int i = 0; i + 2 < p.length; i += 3) {
                if (!dose.covers(p[i], p[i + 1], p[i + 2])) {
                    return p[i + 2];
                }
            }
        }
        return null;
    }

    private static void plan(Objects o, Prescription prescription, List<Finding> out) {
        String structRef = first(o.rtplan(), Tag.ReferencedStructureSetSequence);
        if (structRef != null && !structRef.equals(sop(o.rtstruct()))) {
            out.add(warning("plan-structure-set", "RTPLAN", sop(o.rtplan()), attribute(Tag.ReferencedStructureSetSequence),
                null, "the plan refers to structure set " + structRef + ", the submission's is " + sop(o.rtstruct())));
        }
        String planRef = first(o.rtdose(), Tag.ReferencedRTPlanSequence);
        if (planRef != null && !planRef.equals(sop(o.rtplan()))) {
            out.add(warning("dose-plan", "RTDOSE", sop(o.rtdose()), attribute(Tag.ReferencedRTPlanSequence), null,
                "the dose refers to plan " + planRef + ", the submission's is " + sop(o.rtplan())));
        }
        RtPlanSummary summary;
        try {
            summary = RtPlanSummary.read(o.rtplan());
        } catch (DicomException e) {
            out.add(error("rtplan-malformed", "RTPLAN", sop(o.rtplan()), attribute(e.tag()), null, e.getMessage()));
            return;
        }
        Double planned = summary.prescribedDose();
        if (planned != null && Math.abs(planned - prescription.totalDoseGy()) > 0.01 * prescription.totalDoseGy()) {
            out.add(warning("prescription-mismatch", "RTPLAN", sop(o.rtplan()), attribute(Tag.TargetPrescriptionDose), null,
                String.format(Locale.ROOT, "the plan prescribes %.2f Gy, the submission %.2f Gy", planned,
                    prescription.totalDoseGy())));
        }
        if (summary.fractions() > 0 && summary.fractions() != prescription.fractions()) {
            out.add(warning("fractions-mismatch", "RTPLAN", sop(o.rtplan()), attribute(Tag.NumberOfFractionsPlanned), null,
                "the plan has " + summary.fractions() + " fractions, the submission " + prescription.fractions()));
        }
    }

    private static String first(Attributes ds, int sequence) {
        var seq = ds.getSequence(sequence);
        return seq == null || seq.isEmpty() ? null : seq.get(0).getString(Tag.ReferencedSOPInstanceUID);
    }

    private static String sop(Attributes ds) {
        return ds.getString(Tag.SOPInstanceUID);
    }

    static String attribute(int tag) {
        if (tag == DicomException.NO_TAG) {
            return null;
        }
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword == null || keyword.isEmpty() ? Tag.toString(tag) : keyword + " " + Tag.toString(tag);
    }

    private static Finding error(String code, String object, String sop, String attribute, String roi, String message) {
        return new Finding(Finding.Severity.ERROR, code, object, sop, attribute, roi, message);
    }

    private static Finding warning(String code, String object, String sop, String attribute, String roi, String message) {
        return new Finding(Finding.Severity.WARNING, code, object, sop, attribute, roi, message);
    }
}
