package org.consilium.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;

/**
 * Writes a synthetic CT study for benchmarks: {@code count} slices of 512×512 16-bit, one series, fresh
 * UIDs per run tag. Not a clinical image; it only needs the size and shape of one.
 *
 * <p>Usage: {@code SyntheticCtStudy <outDir> <count> <runTag>}
 */
public final class SyntheticCtStudy {

    private SyntheticCtStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        String run = args[2];
        String root = Implementation.ROOT_UID + ".9." + run;
        byte[] pixels = pixels(new Random(42));
        DicomWriter writer = new DicomWriter();
        for (int i = 1; i <= count; i++) {
            Attributes ds = new Attributes(40);
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
            ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, root + ".3." + i);
            ds.setString(Tag.StudyDate, VR.DA, "20261122");
            ds.setString(Tag.StudyTime, VR.TM, "101500");
            ds.setString(Tag.AccessionNumber, VR.SH, "BENCH" + run);
            ds.setString(Tag.Modality, VR.CS, "CT");
            ds.setString(Tag.Manufacturer, VR.LO, "Consilium benchmark");
            ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
            ds.setString(Tag.PatientName, VR.PN, "BENCH^CT" + run);
            ds.setString(Tag.PatientID, VR.LO, "BENCH-" + run);
            ds.setString(Tag.PatientBirthDate, VR.DA, "19600101");
            ds.setString(Tag.PatientSex, VR.CS, "O");
            ds.setString(Tag.StudyInstanceUID, VR.UI, root + ".1");
            ds.setString(Tag.SeriesInstanceUID, VR.UI, root + ".2");
            ds.setString(Tag.StudyID, VR.SH, "1");
            ds.setInt(Tag.SeriesNumber, VR.IS, 1);
            ds.setInt(Tag.InstanceNumber, VR.IS, i);
            ds.setDouble(Tag.ImagePositionPatient, VR.DS, -250, -250, i * 1.25);
            ds.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, root + ".4");
            ds.setDouble(Tag.SliceThickness, VR.DS, 1.25);
            ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
            ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
            ds.setInt(Tag.Rows, VR.US, 512);
            ds.setInt(Tag.Columns, VR.US, 512);
            ds.setDouble(Tag.PixelSpacing, VR.DS, 0.9765625, 0.9765625);
            ds.setInt(Tag.BitsAllocated, VR.US, 16);
            ds.setInt(Tag.BitsStored, VR.US, 16);
            ds.setInt(Tag.HighBit, VR.US, 15);
            ds.setInt(Tag.PixelRepresentation, VR.US, 1);
            ds.setString(Tag.RescaleIntercept, VR.DS, "0");
            ds.setString(Tag.RescaleSlope, VR.DS, "1");
            ds.setBytes(Tag.PixelData, VR.OW, pixels);
            writer.writeFile(out.resolve(String.format("CT%05d.dcm", i)), null, ds, UID.ExplicitVRLittleEndian);
        }
    }

    private static byte[] pixels(Random random) {
        ByteBuffer buf = ByteBuffer.allocate(512 * 512 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                double r = Math.hypot(x - 256, y - 256);
                short hu = (short) (r < 200 ? 40 + random.nextInt(20) : -1000);
                buf.putShort(hu);
            }
        }
        return buf.array();
    }
}
