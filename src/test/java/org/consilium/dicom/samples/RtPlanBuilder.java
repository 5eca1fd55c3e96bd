package org.consilium.dicom.samples;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.rt.SopRef;

/** The RT Plan instance (PS3.3 A.20) of {@link PlanDesign}: prescription, fractionation and five static beams. */
final class RtPlanBuilder {

    private RtPlanBuilder() {}

    static Attributes build(SampleStudy study, String seriesUid, String sopUid, SopRef structureSet, int ptvRoiNumber,
                            int cordRoiNumber) {
        Attributes ds = study.newInstance(UID.RTPlanStorage, sopUid, "RTPLAN", seriesUid, 3, "Plan 60 Gy / 30 fx");
        ds.setString(Tag.OperatorsName, VR.PN);
        ds.setString(Tag.RTPlanLabel, VR.SH, "LUNG_R 60/30");
        ds.setString(Tag.RTPlanName, VR.LO, "Right lung 5F 3D-CRT");
        ds.setString(Tag.RTPlanDate, VR.DA, study.date());
        ds.setString(Tag.RTPlanTime, VR.TM, study.time());
        ds.setString(Tag.PlanIntent, VR.CS, "CURATIVE");
        ds.setString(Tag.RTPlanGeometry, VR.CS, "PATIENT");
        Attributes ssRef = ds.newSequence(Tag.ReferencedStructureSetSequence).addItem();
        ssRef.setString(Tag.ReferencedSOPClassUID, VR.UI, structureSet.sopClassUid());
        ssRef.setString(Tag.ReferencedSOPInstanceUID, VR.UI, structureSet.sopInstanceUid());
        writePrescription(ds, ptvRoiNumber, cordRoiNumber);
        writeFractionGroup(ds);
        writeBeams(ds);
        Attributes setup = ds.newSequence(Tag.PatientSetupSequence).addItem();
        setup.setString(Tag.PatientPosition, VR.CS, "HFS");
        setup.setInt(Tag.PatientSetupNumber, VR.IS, 1);
        return ds;
    }

    private static void writePrescription(Attributes ds, int ptvRoiNumber, int cordRoiNumber) {
        Sequence refs = ds.newSequence(Tag.DoseReferenceSequence);
        doseReference(refs, ds, 1, ptvRoiNumber, "PTV", "TARGET")
            .setDouble(Tag.TargetPrescriptionDose, VR.DS, PlanDesign.PRESCRIPTION_GY);
        doseReference(refs, ds, 2, cordRoiNumber, "SPINALCORD", "ORGAN_AT_RISK")
            .setInt(Tag.OrganAtRiskMaximumDose, VR.DS, 45);
    }

    private static Attributes doseReference(Sequence refs, Attributes plan, int number, int roiNumber, String description,
                                            String type) {
        Attributes ref = refs.addItem();
        ref.setInt(Tag.ReferencedROINumber, VR.IS, roiNumber);
        ref.setInt(Tag.DoseReferenceNumber, VR.IS, number);
        ref.setString(Tag.DoseReferenceUID, VR.UI, plan.getString(Tag.SOPInstanceUID) + "." + number);
        ref.setString(Tag.DoseReferenceStructureType, VR.CS, "VOLUME");
        ref.setString(Tag.DoseReferenceDescription, VR.LO, description);
        ref.setString(Tag.DoseReferenceType, VR.CS, type);
        return ref;
    }

    private static void writeFractionGroup(Attributes ds) {
        Attributes group = ds.newSequence(Tag.FractionGroupSequence).addItem();
        group.setInt(Tag.FractionGroupNumber, VR.IS, 1);
        group.setInt(Tag.NumberOfFractionsPlanned, VR.IS, PlanDesign.FRACTIONS);
        group.setInt(Tag.NumberOfBeams, VR.IS, PlanDesign.BEAMS.size());
        group.setInt(Tag.NumberOfBrachyApplicationSetups, VR.IS, 0);
        Sequence beams = group.newSequence(Tag.ReferencedBeamSequence);
        double dosePerBeam = PlanDesign.PRESCRIPTION_GY / PlanDesign.FRACTIONS / PlanDesign.BEAMS.size();
        for (PlanDesign.Beam b : PlanDesign.BEAMS) {
            Attributes ref = beams.addItem();
            ref.setDouble(Tag.BeamDose, VR.DS, dosePerBeam);
            ref.setDouble(Tag.BeamMeterset, VR.DS, PlanDesign.monitorUnits(b));
            ref.setInt(Tag.ReferencedBeamNumber, VR.IS, b.number());
        }
    }

    private static void writeBeams(Attributes ds) {
        Sequence beams = ds.newSequence(Tag.BeamSequence);
        for (PlanDesign.Beam b : PlanDesign.BEAMS) {
            Attributes beam = beams.addItem();
            beam.setString(Tag.Manufacturer, VR.LO, SampleGenerator.MANUFACTURER);
            beam.setString(Tag.TreatmentMachineName, VR.SH, "LINAC1");
            beam.setString(Tag.PrimaryDosimeterUnit, VR.CS, "MU");
            beam.setInt(Tag.SourceAxisDistance, VR.DS, (int) PlanDesign.SOURCE_AXIS_DISTANCE);
            Sequence devices = beam.newSequence(Tag.BeamLimitingDeviceSequence);
            for (String type : new String[] {"ASYMX", "ASYMY"}) {
                Attributes d = devices.addItem();
                d.setString(Tag.RTBeamLimitingDeviceType, VR.CS, type);
                d.setInt(Tag.NumberOfLeafJawPairs, VR.IS, 1);
            }
            beam.setInt(Tag.BeamNumber, VR.IS, b.number());
            beam.setString(Tag.BeamName, VR.LO, b.name());
            beam.setString(Tag.BeamType, VR.CS, "STATIC");
            beam.setString(Tag.RadiationType, VR.CS, "PHOTON");
            beam.setString(Tag.TreatmentDeliveryType, VR.CS, "TREATMENT");
            beam.setInt(Tag.NumberOfWedges, VR.IS, 0);
            beam.setInt(Tag.NumberOfCompensators, VR.IS, 0);
            beam.setInt(Tag.NumberOfBoli, VR.IS, 0);
            beam.setInt(Tag.NumberOfBlocks, VR.IS, 0);
            beam.setInt(Tag.FinalCumulativeMetersetWeight, VR.DS, 1);
            beam.setInt(Tag.NumberOfControlPoints, VR.IS, 2);
            writeControlPoints(beam, b);
            beam.setInt(Tag.ReferencedPatientSetupNumber, VR.IS, 1);
        }
    }

    private static void writeControlPoints(Attributes beam, PlanDesign.Beam b) {
        Sequence points = beam.newSequence(Tag.ControlPointSequence);
        Attributes first = points.addItem();
        first.setInt(Tag.ControlPointIndex, VR.IS, 0);
        first.setInt(Tag.NominalBeamEnergy, VR.DS, 6);
        Sequence jaws = first.newSequence(Tag.BeamLimitingDevicePositionSequence);
        for (String type : new String[] {"ASYMX", "ASYMY"}) {
            Attributes jaw = jaws.addItem();
            jaw.setString(Tag.RTBeamLimitingDeviceType, VR.CS, type);
            jaw.setInt(Tag.LeafJawPositions, VR.DS, -40, 40);
        }
        first.setDouble(Tag.GantryAngle, VR.DS, b.gantryAngle());
        first.setString(Tag.GantryRotationDirection, VR.CS, "NONE");
        first.setInt(Tag.BeamLimitingDeviceAngle, VR.DS, 0);
        first.setString(Tag.BeamLimitingDeviceRotationDirection, VR.CS, "NONE");
        first.setInt(Tag.PatientSupportAngle, VR.DS, 0);
        first.setString(Tag.PatientSupportRotationDirection, VR.CS, "NONE");
        first.setInt(Tag.TableTopEccentricAngle, VR.DS, 0);
        first.setString(Tag.TableTopEccentricRotationDirection, VR.CS, "NONE");
        first.setDouble(Tag.IsocenterPosition, VR.DS, PlanDesign.ISOCENTER);
        first.setInt(Tag.CumulativeMetersetWeight, VR.DS, 0);
        Attributes last = points.addItem();
        last.setInt(Tag.ControlPointIndex, VR.IS, 1);
        last.setInt(Tag.CumulativeMetersetWeight, VR.DS, 1);
    }
}
