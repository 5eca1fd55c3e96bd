package org.consilium.dicom.samples;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.rt.SopRef;

/**
 * The RT Dose instance (PS3.3 A.18) of {@link PlanDesign}: the plan dose sampled on a 5 mm grid over the body,
 * 16-bit unsigned with a Dose Grid Scaling of 1 mGy per unit.
 */
final class RtDoseBuilder {

    static final double SPACING = 5;
    static final double SCALING = 0.001;
    static final int COLUMNS = 69; // x -170 .. 170
    static final int ROWS = 49;    // y -120 .. 120

    private RtDoseBuilder() {}

    /** @param frameZ the z of each frame, ascending and equally spaced */
    static Attributes build(SampleStudy study, String seriesUid, String sopUid, SopRef plan, double[] frameZ) {
        Attributes ds = study.newInstance(UID.RTDoseStorage, sopUid, "RTDOSE", seriesUid, 4, "Plan dose");
        ds.setString(Tag.OperatorsName, VR.PN);
        ds.setString(Tag.ContentDate, VR.DA, study.date());
        ds.setString(Tag.ContentTime, VR.TM, study.time());
        double x0 = -(COLUMNS - 1) / 2.0 * SPACING, y0 = -(ROWS - 1) / 2.0 * SPACING;
        ds.setDouble(Tag.ImagePositionPatient, VR.DS, x0, y0, frameZ[0]);
        ds.setDouble(Tag.SliceThickness, VR.DS, frameZ[1] - frameZ[0]);
        ds.setInt(Tag.NumberOfFrames, VR.IS, frameZ.length);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.GridFrameOffsetVector);
        SampleStudy.writeImagePixel(ds, ROWS, COLUMNS, SPACING, 16);
        ds.setString(Tag.DoseUnits, VR.CS, "GY");
        ds.setString(Tag.DoseType, VR.CS, "PHYSICAL");
        ds.setString(Tag.DoseSummationType, VR.CS, "PLAN");
        double[] offsets = new double[frameZ.length];
        for (int k = 0; k < frameZ.length; k++) {
            offsets[k] = frameZ[k] - frameZ[0];
        }
        ds.setDouble(Tag.GridFrameOffsetVector, VR.DS, offsets);
        ds.setDouble(Tag.DoseGridScaling, VR.DS, SCALING);
        ds.setString(Tag.TissueHeterogeneityCorrection, VR.CS, "IMAGE");
        Attributes planRef = ds.newSequence(Tag.ReferencedRTPlanSequence).addItem();
        planRef.setString(Tag.ReferencedSOPClassUID, VR.UI, plan.sopClassUid());
        planRef.setString(Tag.ReferencedSOPInstanceUID, VR.UI, plan.sopInstanceUid());
        ds.setBytes(Tag.PixelData, VR.OW, pixels(x0, y0, frameZ));
        return ds;
    }

    private static byte[] pixels(double x0, double y0, double[] frameZ) {
        byte[] out = new byte[COLUMNS * ROWS * frameZ.length * 2];
        int o = 0;
        for (double z : frameZ) {
            for (int row = 0; row < ROWS; row++) {
                for (int col = 0; col < COLUMNS; col++) {
                    long v = Math.round(PlanDesign.dose(x0 + col * SPACING, y0 + row * SPACING, z) / SCALING);
                    int stored = (int) Math.min(0xFFFF, v);
                    out[o++] = (byte) stored;
                    out[o++] = (byte) (stored >>> 8);
                }
            }
        }
        return out;
    }
}
