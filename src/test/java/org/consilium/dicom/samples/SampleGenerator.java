package org.consilium.dicom.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetWriter;

/**
 * Writes {@code dicom-samples/}: the lung phantom study (CT, RTSTRUCT, RTPLAN, RTDOSE and an expert's revised
 * RTSTRUCT) and a small CT study with a Chinese patient name in GB18030 and in ISO_IR 192. Everything comes
 * from analytic shapes, fixed dates and UIDs derived from a seed, so the same seed gives the same bytes.
 *
 * <p>Run with {@code bin/generate-samples [output-dir] [seed]} (defaults: {@code dicom-samples}, 1).
 */
public final class SampleGenerator {

    static final String MANUFACTURER = "Consilium";
    static final String MODEL = "Consilium sample generator";
    static final String VERSION = "1";
    public static final long DEFAULT_SEED = 1;

    /** The lung phantom's CT: 96 axial slices of 128 x 128 at 3.5 mm, 2.5 mm apart (z -118.75 .. 118.75). */
    static final int CT_MATRIX = 128;
    static final double CT_PIXEL_SPACING = 3.5;
    static final double SLICE_SPACING = 2.5;
    static final int SLICES = 96;

    private final Path out;
    private final SampleUids uids;
    private final DicomWriter writer = new DicomWriter();

    public SampleGenerator(Path out, long seed) {
        this.out = out;
        this.uids = new SampleUids(seed);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "dicom-samples");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        new SampleGenerator(out, seed).generate();
        System.out.println("wrote samples to " + out.toAbsolutePath());
    }

    public void generate() throws IOException, DicomException {
        writeLungStudy();
        writeChineseStudy(2, "GB18030", "GB18030");
        writeChineseStudy(3, "ISO_IR 192", "ISO_IR_192");
    }

    private void writeLungStudy() throws IOException, DicomException {
        SampleStudy study = new SampleStudy(null, "TEST^Lung", "PHANTOM-LUNG-001", "19580407", "M", uids.uid(1),
            "RT1", "Lung phantom planning CT", "20250310", "091500", uids.uid(1, 99));
        double[] z = new double[SLICES];
        for (int k = 0; k < SLICES; k++) {
            z[k] = -(SLICES - 1) / 2.0 * SLICE_SPACING + k * SLICE_SPACING;
        }
        List<Attributes> ct = new CtSeriesBuilder(study, CT_MATRIX, CT_PIXEL_SPACING, SLICE_SPACING, z)
            .build(uids.uid(1, 1), k -> uids.uid(1, 1, k), 1, "Planning CT 2.5 mm", Phantom::hounsfield);
        Path dir = Files.createDirectories(out.resolve("lung-phantom"));
        Path ctDir = Files.createDirectories(dir.resolve("CT"));
        for (int k = 0; k < ct.size(); k++) {
            write(ctDir.resolve(String.format("CT%04d.dcm", k + 1)), ct.get(k));
        }

        LocalDateTime planned = LocalDateTime.of(2025, 3, 11, 10, 0);
        StructureSet original = PhantomContours.structureSet(Phantom.structures(), ct, "PLAN",
            "Contours of the submitting hospital");
        Attributes rtstruct = StructureSetWriter.write(original, ct.get(0), new StructureSetWriter.Identity(
            uids.uid(1, 2, 1), uids.uid(1, 2), 2, 1, planned, "Structures for planning", null));
        markGenerated(rtstruct);
        write(dir.resolve("RTSTRUCT.dcm"), rtstruct);

        SopRef structRef = PhantomContours.ref(rtstruct);
        Attributes plan = RtPlanBuilder.build(study, uids.uid(1, 3), uids.uid(1, 3, 1), structRef,
            original.roi("PTV").number(), original.roi("SPINALCORD").number());
        write(dir.resolve("RTPLAN.dcm"), plan);

        double[] doseZ = new double[SLICES / 2];
        for (int k = 0; k < doseZ.length; k++) {
            doseZ[k] = z[2 * k];
        }
        write(dir.resolve("RTDOSE.dcm"), RtDoseBuilder.build(study, uids.uid(1, 4), uids.uid(1, 4, 1),
            PhantomContours.ref(plan), doseZ));

        StructureSet revised = PhantomContours.structureSet(Phantom.revisedStructures(), ct, "REVIEW",
            "Expert revision: PTV enlarged by 3 mm and moved 2 mm posterior; SPINALCORD widened to 7.5 mm radius");
        Attributes revision = StructureSetWriter.write(revised, ct.get(0), new StructureSetWriter.Identity(
            uids.uid(1, 5, 1), uids.uid(1, 5), 5, 1, planned.plusDays(2), "Expert revision", structRef));
        markGenerated(revision);
        write(dir.resolve("RTSTRUCT_revised.dcm"), revision);
    }

    /** A few slices of 64 x 64 through the same phantom, for a patient named in Chinese. */
    private void writeChineseStudy(int studyNumber, String charset, String folder) throws IOException, DicomException {
        SampleStudy study = new SampleStudy(charset, "ZHANG^SAN=张^三", "CN-0001", "19650815", "M",
            uids.uid(studyNumber), "CN" + studyNumber, "胸部CT平扫", "20250312", "143000", uids.uid(studyNumber, 99));
        double[] z = {0, 5, 10, 15};
        List<Attributes> ct = new CtSeriesBuilder(study, 64, 7, 5, z)
            .build(uids.uid(studyNumber, 1), k -> uids.uid(studyNumber, 1, k), 1, "胸部 5mm", Phantom::hounsfield);
        Path dir = Files.createDirectories(out.resolve("chinese-name").resolve(folder));
        for (int k = 0; k < ct.size(); k++) {
            Attributes slice = ct.get(k);
            slice.setString(Tag.InstitutionName, VR.LO, "县人民医院");
            slice.setString(Tag.OperatorsName, VR.PN, "LI^SI=李^四");
            write(dir.resolve(String.format("CT%04d.dcm", k + 1)), slice);
        }
    }

    /** Equipment of objects written by the generic {@link StructureSetWriter}. */
    private static void markGenerated(Attributes ds) {
        ds.setString(Tag.ManufacturerModelName, VR.LO, MODEL);
        ds.setString(Tag.SoftwareVersions, VR.LO, VERSION);
    }

    private void write(Path file, Attributes ds) throws IOException, DicomException {
        writer.writeFile(file, null, ds, UID.ExplicitVRLittleEndian);
    }
}
