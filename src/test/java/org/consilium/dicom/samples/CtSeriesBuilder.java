package org.consilium.dicom.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;

/**
 * CT Image instances (PS3.3 A.3) of an axial, head-first supine series through an analytic phantom. Pixels
 * are the phantom's HU + 1024, unsigned 12 bits in 16, averaged over 2 x 2 sub-samples so edges get partial
 * volume like a real scanner's.
 */
final class CtSeriesBuilder {

    /** HU at a patient point. */
    interface Density {
        double hounsfield(double x, double y, double z);
    }

    static final int RESCALE_INTERCEPT = -1024;

    private final SampleStudy study;
    private final int matrix;
    private final double pixelSpacing;
    private final double sliceThickness;
    private final double[] sliceZ;

    /** A square matrix centred on x = y = 0, one slice at each z. */
    CtSeriesBuilder(SampleStudy study, int matrix, double pixelSpacing, double sliceThickness, double[] sliceZ) {
        this.study = study;
        this.matrix = matrix;
        this.pixelSpacing = pixelSpacing;
        this.sliceThickness = sliceThickness;
        this.sliceZ = sliceZ;
    }

    /** x (and y) of the centre of the first pixel. */
    double origin() {
        return -(matrix - 1) / 2.0 * pixelSpacing;
    }

    /** One instance per slice; instance k (from 1) gets {@code instanceUid.apply(k)}. */
    List<Attributes> build(String seriesUid, IntFunction<String> instanceUid, int seriesNumber, String description,
                           Density density) {
        List<Attributes> slices = new ArrayList<>();
        for (int k = 0; k < sliceZ.length; k++) {
            slices.add(slice(seriesUid, seriesNumber, description, instanceUid.apply(k + 1), k, density));
        }
        return slices;
    }

    private Attributes slice(String seriesUid, int seriesNumber, String description, String sopUid, int k,
                             Density density) {
        double z = sliceZ[k];
        Attributes ds = study.newInstance(UID.CTImageStorage, sopUid, "CT", seriesUid, seriesNumber, description);
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.AcquisitionDate, VR.DA, study.date());
        ds.setString(Tag.ContentDate, VR.DA, study.date());
        ds.setString(Tag.AcquisitionTime, VR.TM, study.time());
        ds.setString(Tag.ContentTime, VR.TM, study.time());
        ds.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        ds.setString(Tag.ScanOptions, VR.CS, "HELICAL");
        ds.setDouble(Tag.SliceThickness, VR.DS, sliceThickness);
        ds.setInt(Tag.KVP, VR.DS, 120);
        ds.setString(Tag.ConvolutionKernel, VR.SH, "STANDARD");
        ds.setString(Tag.PatientPosition, VR.CS, "HFS");
        ds.setInt(Tag.AcquisitionNumber, VR.IS, 1);
        ds.setInt(Tag.InstanceNumber, VR.IS, k + 1);
        ds.setDouble(Tag.ImagePositionPatient, VR.DS, origin(), origin(), z);
        ds.setDouble(Tag.SliceLocation, VR.DS, z);
        SampleStudy.writeImagePixel(ds, matrix, matrix, pixelSpacing, 12);
        ds.setInt(Tag.WindowCenter, VR.DS, 40, -600);
        ds.setInt(Tag.WindowWidth, VR.DS, 400, 1600);
        ds.setInt(Tag.RescaleIntercept, VR.DS, RESCALE_INTERCEPT);
        ds.setInt(Tag.RescaleSlope, VR.DS, 1);
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, "MEDIASTINUM", "LUNG");
        ds.setBytes(Tag.PixelData, VR.OW, pixels(z, density));
        return ds;
    }

    private byte[] pixels(double z, Density density) {
        byte[] out = new byte[matrix * matrix * 2];
        double origin = origin();
        double quarter = pixelSpacing / 4;
        for (int row = 0; row < matrix; row++) {
            for (int col = 0; col < matrix; col++) {
                double x = origin + col * pixelSpacing, y = origin + row * pixelSpacing;
                double hu = (density.hounsfield(x - quarter, y - quarter, z) + density.hounsfield(x + quarter, y - quarter, z)
                    + density.hounsfield(x - quarter, y + quarter, z) + density.hounsfield(x + quarter, y + quarter, z)) / 4;
                int stored = (int) Math.round(hu) - RESCALE_INTERCEPT;
                stored = Math.max(0, Math.min(4095, stored));
                int o = 2 * (row * matrix + col);
                out[o] = (byte) stored;
                out[o + 1] = (byte) (stored >>> 8);
            }
        }
        return out;
    }
}
