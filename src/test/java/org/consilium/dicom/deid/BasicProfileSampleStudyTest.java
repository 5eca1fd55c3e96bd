package org.consilium.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RT lung phantom (dicom-samples/, from bin/generate-samples: 96 CT slices, RTSTRUCT, RTPLAN, RTDOSE)
 * de-identified as one study with one mapping, then checked attribute by attribute against Table E.1-1, for
 * references that still resolve, and with dciodvfy and dcmdump.
 */
class BasicProfileSampleStudyTest {

    static final Path STUDY = Path.of("dicom-samples/lung-phantom");
    static final Pseudonym PSEUDONYM = new Pseudonym("TEACH-0001", "TEACHING^CASE ONE");

    @TempDir
    static Path out;

    static Map<Path, DicomFile> originals = new LinkedHashMap<>();
    static Map<Path, DicomFile> results = new LinkedHashMap<>();

    @BeforeAll
    static void deidentifyStudy() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(STUDY)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertTrue(files.size() > 90, "the sample study is missing: run bin/generate-samples");
        Deidentifier deid = new Deidentifier(DeidOptions.BASIC, new StudyMapping(new byte[32]), PSEUDONYM);
        for (Path f : files) {
            originals.put(f, new DicomReader().readFile(f));
            DicomFile result = deid.deidentify(new DicomReader().readFile(f));
            Path target = out.resolve(STUDY.relativize(f).toString().replace('/', '_'));
            new DicomWriter().writeFile(target, result);
            results.put(target, new DicomReader().readFile(target));
        }
    }

    @Test
    void noAttributeTheProfileRemovesOrEmptiesSurvivesAtAnyDepth() {
        for (var e : results.entrySet()) {
            assertEquals(List.of(), DeidentifiedOutput.violations(e.getValue().dataset(), DeidOptions.BASIC, true),
                    e.getKey().toString());
        }
    }

    @Test
    void patientIsThePseudonymAndTheMethodIsRecorded() {
        for (DicomFile f : results.values()) {
            Attributes ds = f.dataset();
            assertEquals("TEACH-0001", ds.getString(Tag.PatientID));
            assertEquals("TEACHING^CASE ONE", ds.getString(Tag.PatientName));
            assertEquals("YES", ds.getString(Tag.PatientIdentityRemoved));
            assertEquals(Deidentifier.METHOD, ds.getString(Tag.DeidentificationMethod));
            Attributes code = ds.getSequence(Tag.DeidentificationMethodCodeSequence).get(0);
            assertEquals("113100", code.getString(Tag.CodeValue));
            assertEquals("DCM", code.getString(Tag.CodingSchemeDesignator));
            assertFalse(ds.contains(Tag.PatientBirthDate) && ds.getString(Tag.PatientBirthDate) != null,
                    "birth date is emptied (Z)");
            assertEquals(null, ds.getString(Tag.StudyDate), "without the dates option, Study Date is emptied");
        }
    }

    @Test
    void fileMetaIsMadeAnewFromTheReplacedUids() {
        for (DicomFile f : results.values()) {
            assertEquals(f.dataset().getString(Tag.SOPInstanceUID),
                    f.fileMetaInformation().getString(Tag.MediaStorageSOPInstanceUID));
            assertEquals(null, f.preamble());
        }
    }

    @Test
    void everyUidIsReplacedAndTheStudyStaysOneStudy() {
        Set<String> originalUids = new HashSet<>();
        for (DicomFile f : originals.values()) {
            DeidentifiedOutput.walk(f.dataset(), (item, tag) -> {
                if (item.vrOf(tag) == VR.UI) {
                    originalUids.addAll(List.of(item.getStrings(tag)));
                }
            });
        }
        Set<String> studies = new HashSet<>();
        for (DicomFile f : results.values()) {
            studies.add(f.dataset().getString(Tag.StudyInstanceUID));
            for (int tag : new int[] {Tag.SOPInstanceUID, Tag.SeriesInstanceUID, Tag.StudyInstanceUID}) {
                assertFalse(originalUids.contains(f.dataset().getString(tag)), Tag.toString(tag) + " kept");
            }
        }
        assertEquals(1, studies.size(), "all instances of the study share one new Study Instance UID");
    }

    @Test
    void rtReferencesResolveWithinTheDeidentifiedStudy() {
        assertTrue(unresolvedReferences(originals.values()).isEmpty(), "the sample's own references resolve");
        List<String> unresolved = unresolvedReferences(results.values());
        assertEquals(List.of(), unresolved);
        DicomFile dose = byModality("RTDOSE");
        DicomFile plan = byModality("RTPLAN");
        DicomFile struct = byModality("RTSTRUCT");
        assertEquals(plan.dataset().getString(Tag.SOPInstanceUID), dose.dataset()
                .getSequence(Tag.ReferencedRTPlanSequence).get(0).getString(Tag.ReferencedSOPInstanceUID));
        String ctFrame = byModality("CT").dataset().getString(Tag.FrameOfReferenceUID);
        assertEquals(ctFrame, struct.dataset().getSequence(Tag.ReferencedFrameOfReferenceSequence).get(0)
                .getString(Tag.FrameOfReferenceUID));
        assertEquals(ctFrame, dose.dataset().getString(Tag.FrameOfReferenceUID));
    }

    /** Referenced SOP Instance UIDs and Frame of Reference UIDs that point outside the set of files. */
    static List<String> unresolvedReferences(Iterable<DicomFile> files) {
        Set<String> instances = new HashSet<>();
        Set<String> frames = new HashSet<>();
        for (DicomFile f : files) {
            instances.add(f.dataset().getString(Tag.SOPInstanceUID));
            instances.add(f.dataset().getString(Tag.StudyInstanceUID)); // RT Referenced Study Sequence names the study
            frames.add(f.dataset().getString(Tag.FrameOfReferenceUID));
        }
        List<String> unresolved = new ArrayList<>();
        for (DicomFile f : files) {
            DeidentifiedOutput.walk(f.dataset(), (item, tag) -> {
                if (tag == Tag.ReferencedSOPInstanceUID && !instances.contains(item.getString(tag))) {
                    unresolved.add("instance " + item.getString(tag));
                }
                if ((tag == Tag.FrameOfReferenceUID || tag == Tag.ReferencedFrameOfReferenceUID)
                        && item.parent() != null && !frames.contains(item.getString(tag))) {
                    unresolved.add("frame of reference " + item.getString(tag));
                }
            });
        }
        return unresolved;
    }

    static DicomFile byModality(String modality) {
        return results.values().stream().filter(f -> modality.equals(f.dataset().getString(Tag.Modality)))
                .findFirst().orElseThrow();
    }

    @Test
    void dciodvfyFindsNoNewErrorsAndDcmdumpReadsEveryObject() {
        for (var e : results.entrySet()) {
            String name = e.getKey().getFileName().toString();
            if (name.startsWith("CT_CT") && !name.equals("CT_CT0001.dcm")) {
                continue; // the slices are alike; one stands for all
            }
            Path original = STUDY.resolve(name.replaceFirst("^CT_", "CT/"));
            assertTrue(dciodvfyErrors(e.getKey()) <= dciodvfyErrors(original), name + ": "
                    + ExternalTools.run(List.of("dciodvfy", e.getKey().toString())).output());
            ExternalTools.Result dump = ExternalTools.run(List.of("dcmdump", "-q", e.getKey().toString()));
            assertEquals(0, dump.exitCode(), dump.output());
            assertFalse(dump.output().contains("E: "), dump.output());
        }
    }

    static long dciodvfyErrors(Path file) {
        return ExternalTools.run(List.of("dciodvfy", file.toString())).output().lines()
                .filter(l -> l.startsWith("Error")).count();
    }

    @Test
    void modifiedDatesMoveEveryDateOfThePatientByOneOffset() throws Exception {
        StudyMapping mapping = new StudyMapping(new byte[32]);
        DeidOptions options = DeidOptions.BASIC.withRetainLongitudinalModifiedDates(true);
        Deidentifier deid = new Deidentifier(options, mapping, PSEUDONYM);
        Set<Long> shifts = new HashSet<>();
        for (Path f : originals.keySet().stream().limit(5).toList()) {
            Attributes before = new DicomReader().readFile(f).dataset();
            Attributes after = deid.deidentify(new DicomReader().readFile(f).dataset());
            LocalDate was = LocalDate.parse(before.getString(Tag.StudyDate), DateTimeFormatter.BASIC_ISO_DATE);
            LocalDate is = LocalDate.parse(after.getString(Tag.StudyDate), DateTimeFormatter.BASIC_ISO_DATE);
            shifts.add(is.toEpochDay() - was.toEpochDay());
            assertEquals(before.getString(Tag.StudyTime), after.getString(Tag.StudyTime), "times of day are kept");
            assertEquals("MODIFIED", after.getString(Tag.LongitudinalTemporalInformationModified));
            assertTrue(codes(after).contains("113107"));
            assertEquals(List.of(), DeidentifiedOutput.violations(after, options, true));
        }
        assertEquals(Set.of((long) mapping.dateOffsetDays(originals.values().iterator().next().dataset()
                .getString(Tag.PatientID))), shifts);
        assertTrue(shifts.iterator().next() < 0, "dates move into the past");
    }

    @Test
    void cleanDescriptorsKeepsTheDescriptionLessTheIdentifyingWords() throws Exception {
        Attributes ds = new DicomReader().readFile(originals.keySet().iterator().next()).dataset();
        String family = ds.getString(Tag.PatientName).split("\\^")[0];
        ds.setString(Tag.StudyDescription, VR.LO, "SBRT for " + family + " planning");
        ds.setString(Tag.SeriesDescription, VR.LO, "Planning CT");
        DeidOptions options = DeidOptions.BASIC.withCleanDescriptors(true);
        Attributes after = new Deidentifier(options, new StudyMapping(new byte[32]), PSEUDONYM).deidentify(ds);
        assertEquals("SBRT for planning", after.getString(Tag.StudyDescription));
        assertEquals("Planning CT", after.getString(Tag.SeriesDescription));
        assertTrue(codes(after).contains("113105"));

        Attributes basic = new DicomReader().readFile(originals.keySet().iterator().next()).dataset();
        basic.setString(Tag.SeriesDescription, VR.LO, "Planning CT");
        new Deidentifier(DeidOptions.BASIC, new StudyMapping(new byte[32]), PSEUDONYM).deidentify(basic);
        assertFalse(basic.contains(Tag.SeriesDescription), "without the option, descriptions are removed (X)");
    }

    static List<String> codes(Attributes ds) {
        return ds.getSequence(Tag.DeidentificationMethodCodeSequence).stream().map(i -> i.getString(Tag.CodeValue))
                .toList();
    }

    @Test
    void burnedInAnnotationIsRefusedUnlessAccepted() throws Exception {
        Attributes ds = new DicomReader().readFile(originals.keySet().iterator().next()).dataset();
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
        Deidentifier strict = new Deidentifier(DeidOptions.BASIC, new StudyMapping(new byte[32]), PSEUDONYM);
        assertThrows(BurnedInAnnotationException.class, () -> strict.deidentify(ds));
        Attributes accepted = new Deidentifier(DeidOptions.BASIC.withAcceptBurnedInAnnotation(true),
                new StudyMapping(new byte[32]), PSEUDONYM).deidentify(ds);
        assertEquals("YES", accepted.getString(Tag.BurnedInAnnotation), "the flag stays for whoever reads it next");
    }

    @Test
    void privateAttributesGoUnlessRetained() throws Exception {
        Attributes ds = new DicomReader().readFile(originals.keySet().iterator().next()).dataset();
        ds.setString(0x00090010, VR.LO, "ACME 1.0");
        ds.setString(0x00091001, VR.LO, "patient's home phone");
        new Deidentifier(DeidOptions.BASIC, new StudyMapping(new byte[32]), PSEUDONYM).deidentify(ds);
        assertFalse(ds.contains(0x00090010) || ds.contains(0x00091001));

        Attributes kept = new DicomReader().readFile(originals.keySet().iterator().next()).dataset();
        kept.setString(0x00091001, VR.LO, "dose calibration 1.02");
        new Deidentifier(DeidOptions.BASIC.withRetainPrivate(true), new StudyMapping(new byte[32]), PSEUDONYM)
                .deidentify(kept);
        assertEquals("dose calibration 1.02", kept.getString(0x00091001));
    }

    @Test
    void theSameKeyGivesTheSameUidsAndAnotherKeyOthers() {
        String uid = "1.2.826.0.1.3680043.8.498.1";
        byte[] key = new byte[32];
        assertEquals(new StudyMapping(key).uid(uid), new StudyMapping(key).uid(uid));
        key[0] = 1;
        assertNotEquals(new StudyMapping(new byte[32]).uid(uid), new StudyMapping(key).uid(uid));
        assertTrue(new StudyMapping(key).uid(uid).matches("2\\.25\\.[1-9][0-9]*") || new StudyMapping(key).uid(uid)
                .equals("2.25.0"));
        assertTrue(new StudyMapping(key).uid(uid).length() <= 64);
    }
}
