package org.consilium.dicom.rt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;

/**
 * What a reviewer needs from an RT Plan (PS3.3 C.8.8.9–C.8.8.14): the prescription, the fractionation and
 * the beams. Doses in Gy; values a plan leaves out are null.
 *
 * @param label          RT Plan Label
 * @param name           RT Plan Name, or ""
 * @param intent         Plan Intent (CURATIVE, PALLIATIVE, ...), or ""
 * @param prescriptions  the Dose Reference Sequence
 * @param fractionGroups the Fraction Group Sequence
 * @param beams          the Beam Sequence, with meterset from the first fraction group that references each beam
 */
public record RtPlanSummary(String label, String name, String intent, List<DoseReference> prescriptions,
                            List<FractionGroup> fractionGroups, List<Beam> beams) {

    /** An item of the Dose Reference Sequence. */
    public record DoseReference(int number, String structureType, String description, String type,
                                Double targetPrescriptionDose, Double deliveryMaximumDose,
                                Double organAtRiskMaximumDose, Integer referencedRoiNumber) {
    }

    /** An item of the Fraction Group Sequence. */
    public record FractionGroup(int number, int fractionsPlanned, int numberOfBeams, Map<Integer, Double> beamMeterset) {
    }

    /**
     * An item of the Beam Sequence.
     *
     * @param gantryAngles    Gantry Angle of every control point that states one (arcs have several)
     * @param meterset        Beam Meterset (MU per fraction) from the fraction group, or null
     * @param nominalEnergy   Nominal Beam Energy of the first control point (MV for photons), or null
     */
    public record Beam(int number, String name, String type, String radiationType, String treatmentDeliveryType,
                       List<Double> gantryAngles, Double meterset, Double nominalEnergy) {
    }

    /** The largest Target Prescription Dose, as the plan's prescribed dose; null if none is given. */
    public Double prescribedDose() {
        return prescriptions.stream().map(DoseReference::targetPrescriptionDose)
            .filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
    }

    /** Fractions planned in the first fraction group; 0 without one. */
    public int fractions() {
        return fractionGroups.isEmpty() ? 0 : fractionGroups.get(0).fractionsPlanned();
    }

    public static RtPlanSummary read(Attributes ds) throws DicomException {
        String sopClass = ds.getString(Tag.SOPClassUID, "");
        if (!sopClass.equals(UID.RTPlanStorage) && !sopClass.equals(UID.RTIonPlanStorage)) {
            throw new MalformedDicomException("not an RT Plan: SOP Class " + sopClass, Tag.SOPClassUID,
                DicomException.NO_OFFSET);
        }
        try {
            List<FractionGroup> groups = fractionGroups(ds);
            return new RtPlanSummary(ds.getString(Tag.RTPlanLabel, ""), ds.getString(Tag.RTPlanName, ""),
                ds.getString(Tag.PlanIntent, ""), doseReferences(ds), groups, beams(ds, groups));
        } catch (NumberFormatException e) {
            throw new MalformedDicomException(e.getMessage(), DicomException.NO_TAG, DicomException.NO_OFFSET);
        }
    }

    private static List<DoseReference> doseReferences(Attributes ds) {
        List<DoseReference> out = new ArrayList<>();
        for (Attributes d : StructureSetReader.items(ds, Tag.DoseReferenceSequence)) {
            out.add(new DoseReference(d.getInt(Tag.DoseReferenceNumber, 0),
                d.getString(Tag.DoseReferenceStructureType, ""), d.getString(Tag.DoseReferenceDescription, ""),
                d.getString(Tag.DoseReferenceType, ""), optionalDouble(d, Tag.TargetPrescriptionDose),
                optionalDouble(d, Tag.DeliveryMaximumDose), optionalDouble(d, Tag.OrganAtRiskMaximumDose),
                d.contains(Tag.ReferencedROINumber) ? d.getInt(Tag.ReferencedROINumber, 0) : null));
        }
        return out;
    }

    private static List<FractionGroup> fractionGroups(Attributes ds) {
        List<FractionGroup> out = new ArrayList<>();
        for (Attributes g : StructureSetReader.items(ds, Tag.FractionGroupSequence)) {
            Map<Integer, Double> meterset = new TreeMap<>();
            for (Attributes b : StructureSetReader.items(g, Tag.ReferencedBeamSequence)) {
                Double mu = optionalDouble(b, Tag.BeamMeterset);
                if (mu != null) {
                    meterset.put(b.getInt(Tag.ReferencedBeamNumber, 0), mu);
                }
            }
            out.add(new FractionGroup(g.getInt(Tag.FractionGroupNumber, 0),
                g.getInt(Tag.NumberOfFractionsPlanned, 0), g.getInt(Tag.NumberOfBeams, 0), meterset));
        }
        return out;
    }

    private static List<Beam> beams(Attributes ds, List<FractionGroup> groups) {
        List<Beam> out = new ArrayList<>();
        for (Attributes b : StructureSetReader.items(ds, Tag.BeamSequence)) {
            int number = b.getInt(Tag.BeamNumber, 0);
            List<Double> angles = new ArrayList<>();
            Double energy = null;
            for (Attributes cp : StructureSetReader.items(b, Tag.ControlPointSequence)) {
                Double angle = optionalDouble(cp, Tag.GantryAngle);
                if (angle != null) {
                    angles.add(angle);
                }
                if (energy == null) {
                    energy = optionalDouble(cp, Tag.NominalBeamEnergy);
                }
            }
            Double meterset = groups.stream().map(g -> g.beamMeterset().get(number))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            out.add(new Beam(number, b.getString(Tag.BeamName, ""), b.getString(Tag.BeamType, ""),
                b.getString(Tag.RadiationType, ""), b.getString(Tag.TreatmentDeliveryType, ""),
                List.copyOf(angles), meterset, energy));
        }
        return out;
    }

    private static Double optionalDouble(Attributes a, int tag) {
        double[] v = a.getDoubles(tag);
        return v.length == 0 || Double.isNaN(v[0]) ? null : v[0];
    }
}
