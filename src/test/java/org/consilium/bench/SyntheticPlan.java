package org.consilium.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ReferencedSeries;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetReader;
import org.consilium.dicom.rt.StructureSetWriter;
import org.consilium.dicom.samples.SampleStudy;

/**
 * The synthetic plan of issue 21's benchmark: 30 ellipsoidal ROIs on 150 axial planes 2.5 mm apart (64-point
 * contours), the same ROIs 1 mm larger and 1 mm to the left as an expert revision, and a smooth dose on a
 * 2.5 mm grid covering them (16-bit, 1 mGy per unit). Written as RTSTRUCT A, RTSTRUCT B and RTDOSE.
 */
public final class SyntheticPlan {

    static final int ROIS = 30;
    static final int PLANES = 150;
    static final double SLICE = 2.5;
    static final double DOSE_SPACING = 2.5;
    private static final double X0 = -160;
    private static final double Y0 = -110;
    private static final int COLUMNS = 129; // -160 .. 160
    private static final int ROWS = 89;     // -110 .. 110
    private static final String ROOT = "2.25.2021";

    final Path rtstructA;
    final Path rtstructB;
    final Path rtdose;

    private SyntheticPlan(Path dir) {
        rtstructA = dir.resolve("RTSTRUCT_A.dcm");
        rtstructB = dir.resolve("RTSTRUCT_B.dcm");
        rtdose = dir.resolve("RTDOSE.dcm");
    }

    /**
     * Revision A of the structure set as the archive has it after submission: written as RTSTRUCT and read
     * back, so its coordinates are Decimal Strings of at most 16 characters, as a planning system sends them.
     */
    static StructureSet revisionA() throws DicomException {
        return StructureSetReader.read(StructureSetWriter.write(structureSet(ct(), 0), study(), identityA()));
    }

    private static Attributes study() {
        Attributes study = new Attributes();
        study.setString(Tag.StudyInstanceUID, VR.UI, ROOT + ".1");
        study.setString(Tag.PatientName, VR.PN, "BENCH^SYNTHETIC");
        study.setString(Tag.PatientID, VR.LO, "RT-BENCH");
        study.setString(Tag.StudyDate, VR.DA, "20261206");
        study.setString(Tag.StudyTime, VR.TM, "120000");
        return study;
    }

    private static StructureSetWriter.Identity identityA() {
        return new StructureSetWriter.Identity(ROOT + ".4.1", ROOT + ".4", 2, 1, LocalDateTime.of(2026, 12, 6, 12, 0),
                "synthetic A", null);
    }

    private static ReferencedSeries ct() {
        List<SopRef> images = new ArrayList<>();
        for (int k = 0; k < PLANES; k++) {
            images.add(new SopRef(UID.CTImageStorage, ROOT + ".3." + (k + 1)));
        }
        return new ReferencedSeries(ROOT + ".1", ROOT + ".2", images);
    }

    static SyntheticPlan write(Path dir) throws IOException, DicomException {
        SyntheticPlan p = new SyntheticPlan(dir);
        Attributes study = study();
        ReferencedSeries ct = ct();
        save(p.rtstructA, StructureSetWriter.write(structureSet(ct, 0), study, identityA()));
        save(p.rtstructB, StructureSetWriter.write(structureSet(ct, 1), study, new StructureSetWriter.Identity(
                ROOT + ".5.1", ROOT + ".5", 3, 1, LocalDateTime.of(2026, 12, 6, 12, 0), "synthetic B", null)));
        save(p.rtdose, dose(study));
        return p;
    }

    /** ROI i: an ellipsoid on a 6 × 5 lattice, {@code grow} mm larger and shifted {@code grow} mm in x. */
    private static StructureSet structureSet(ReferencedSeries ct, double grow) {
        List<Roi> rois = new ArrayList<>();
        for (int i = 0; i < ROIS; i++) {
            double cx = -125 + (i % 6) * 50 + grow;
            double cy = -80 + (i / 6) * 40;
            double cz = 186.25 + ((i * 37) % 11 - 5) * 10;
            double rx = 12 + (i % 5) * 2.5 + grow;
            double ry = 10 + (i % 4) * 2 + grow;
            double rz = 40 + (i % 7) * 15 + grow;
            List<Contour> contours = new ArrayList<>();
            for (int k = 0; k < PLANES; k++) {
                double z = k * SLICE;
                double f = 1 - Math.pow((z - cz) / rz, 2);
                if (f <= 0.01) {
                    continue;
                }
                double s = Math.sqrt(f);
                contours.add(new Contour(Contour.CLOSED_PLANAR, ellipse(cx, cy, rx * s, ry * s, z),
                        List.of(ct.images().get(k))));
            }
            rois.add(new Roi(i + 1, "ROI" + (i + 1), new int[] {255, 8 * i, 0}, i < 3 ? "PTV" : "ORGAN", "MANUAL",
                    contours));
        }
        return new StructureSet("SYNTH", "", "", ROOT + ".9", ct, rois);
    }

    /** An axial ellipse as 64 contour points (x, y, z, ...) around (cx, cy) with half-axes rx and ry. */
    public static double[] ellipse(double cx, double cy, double rx, double ry, double z) {
        double[] points = new double[64 * 3];
        for (int j = 0; j < 64; j++) {
            double t = 2 * Math.PI * j / 64;
            points[3 * j] = cx + rx * Math.cos(t);
            points[3 * j + 1] = cy + ry * Math.sin(t);
            points[3 * j + 2] = z;
        }
        return points;
    }

    private static Attributes dose(Attributes study) {
        Attributes ds = new Attributes();
        for (int i = 0; i < study.size(); i++) {
            int tag = study.tagAt(i);
            ds.setValue(tag, study.vrOf(tag), study.getValue(tag));
        }
        ds.setString(Tag.SOPClassUID, VR.UI, UID.RTDoseStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, ROOT + ".6.1");
        ds.setString(Tag.Modality, VR.CS, "RTDOSE");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, ROOT + ".6");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, ROOT + ".9");
        ds.setDouble(Tag.ImagePositionPatient, VR.DS, X0, Y0, 0);
        ds.setDouble(Tag.SliceThickness, VR.DS, SLICE);
        ds.setInt(Tag.NumberOfFrames, VR.IS, PLANES);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.GridFrameOffsetVector);
        SampleStudy.writeImagePixel(ds, ROWS, COLUMNS, DOSE_SPACING, 16);
        ds.setString(Tag.DoseUnits, VR.CS, "GY");
        ds.setString(Tag.DoseType, VR.CS, "PHYSICAL");
        ds.setString(Tag.DoseSummationType, VR.CS, "PLAN");
        double[] offsets = new double[PLANES];
        for (int k = 0; k < PLANES; k++) {
            offsets[k] = k * SLICE;
        }
        ds.setDouble(Tag.GridFrameOffsetVector, VR.DS, offsets);
        ds.setDouble(Tag.DoseGridScaling, VR.DS, 0.001);
        byte[] pixels = new byte[COLUMNS * ROWS * PLANES * 2];
        int o = 0;
        for (int k = 0; k < PLANES; k++) {
            for (int row = 0; row < ROWS; row++) {
                for (int col = 0; col < COLUMNS; col++) {
                    double x = X0 + col * DOSE_SPACING, y = Y0 + row * DOSE_SPACING, z = k * SLICE;
                    double gy = 62 * Math.exp(-(x * x / 9000 + y * y / 5000 + (z - 186) * (z - 186) / 20000)) + 2;
                    int v = (int) Math.min(0xFFFF, Math.round(gy / 0.001));
                    pixels[o++] = (byte) v;
                    pixels[o++] = (byte) (v >>> 8);
                }
            }
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    private static void save(Path file, Attributes ds) throws IOException, DicomException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
        }
    }
}
