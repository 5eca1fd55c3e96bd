package org.consilium.dicom.deid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomWriter;

/**
 * Applies the PS3.15 Annex E Basic Application Level Confidentiality Profile, with the options chosen, to one
 * instance at a time: every attribute listed in Table E.1-1 gets its action, at any depth of sequences;
 * attributes the table does not list are kept, their sequences walked; private attributes are removed unless
 * retained; curves and overlays (groups 50xx and 60xx) are removed whole. Instance UIDs come from the shared
 * {@link StudyMapping}, so that all instances de-identified with one mapping still reference each other.
 * Patient ID and Patient's Name become the caller's {@link Pseudonym}; Patient Identity Removed, De-identification
 * Method and its Code Sequence are set; the File Meta Information is made anew (E.1.1 item 7).
 *
 * <pre>{@code
 * StudyMapping mapping = StudyMapping.withRandomKey();
 * Deidentifier deid = new Deidentifier(DeidOptions.BASIC, mapping, new Pseudonym("TEACH-001", "TEACHING^CASE"));
 * DicomFile out = deid.deidentify(new DicomReader().readFile(path));   // for each instance of the study
 * }</pre>
 *
 * <p>Pixel data is not looked at: an image whose Burned In Annotation is YES is refused unless the options
 * accept it. Not thread-safe (use one per thread; the mapping may be shared).
 */
public final class Deidentifier {

    /** Dummy text for D on text VRs; also what a cleaned descriptor becomes when nothing is left. */
    public static final String DUMMY_TEXT = "ANONYMIZED";
    public static final String DUMMY_NAME = "ANONYMOUS";
    public static final String METHOD = "DICOM PS3.15 E.1 Basic Profile (Consilium)";

    /**
     * Attributes the table removes (X) that an IOD we store requires as Type 2; they are emptied instead, as
     * E.1.1 note 1 asks ("does not negatively affect the integrity of the IOD"). Treatment Machine Name is
     * Type 2 in the RT Beams and RT Ion Beams modules.
     */
    public static final Set<Integer> EMPTIED_NOT_REMOVED = Set.of(Tag.TreatmentMachineName);

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private final DeidOptions options;
    private final StudyMapping mapping;
    private final Pseudonym pseudonym;
    private final ConfidentialityProfile table = ConfidentialityProfile.table();

    private int dateOffsetDays;
    private List<String> identifyingWords = List.of();

    public Deidentifier(DeidOptions options, StudyMapping mapping, Pseudonym pseudonym) {
        this.options = options;
        this.mapping = mapping;
        this.pseudonym = pseudonym;
    }

    /** De-identifies a read file: its data set is changed in place; File Meta and preamble are replaced. */
    public DicomFile deidentify(DicomFile in) throws BurnedInAnnotationException {
        Attributes dataset = deidentify(in.dataset());
        return new DicomFile(DicomWriter.createFileMetaInformation(dataset, in.transferSyntaxUid()), dataset,
                in.transferSyntaxUid());
    }

    /** De-identifies a data set in place and returns it. */
    public Attributes deidentify(Attributes dataset) throws BurnedInAnnotationException {
        if ("YES".equalsIgnoreCase(dataset.getString(Tag.BurnedInAnnotation)) && !options.acceptBurnedInAnnotation()) {
            throw new BurnedInAnnotationException(dataset.getString(Tag.SOPInstanceUID, "(no SOP Instance UID)"));
        }
        dateOffsetDays = mapping.dateOffsetDays(dataset.getString(Tag.PatientID));
        identifyingWords = identifyingWords(dataset);
        walk(dataset);
        dataset.setString(Tag.PatientName, VR.PN, pseudonym.patientName());
        dataset.setString(Tag.PatientID, VR.LO, pseudonym.patientId());
        dataset.setString(Tag.PatientIdentityRemoved, VR.CS, "YES");
        dataset.setString(Tag.DeidentificationMethod, VR.LO, METHOD);
        Sequence methods = dataset.newSequence(Tag.DeidentificationMethodCodeSequence);
        addCode(methods, "113100", "Basic Application Confidentiality Profile");
        if (options.cleanDescriptors()) {
            addCode(methods, "113105", "Clean Descriptors Option");
        }
        if (options.retainLongitudinalModifiedDates()) {
            addCode(methods, "113107", "Retain Longitudinal Temporal Information Modified Dates Option");
            dataset.setString(Tag.LongitudinalTemporalInformationModified, VR.CS, "MODIFIED");
        }
        return dataset;
    }

    private static void addCode(Sequence seq, String value, String meaning) {
        Attributes code = seq.addItem();
        code.setString(Tag.CodeValue, VR.SH, value);
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        code.setString(Tag.CodeMeaning, VR.LO, meaning);
    }

    private void walk(Attributes item) {
        int[] tags = new int[item.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = item.tagAt(i);
        }
        for (int tag : tags) {
            if (Tag.isGroupLength(tag) || isCurveOrOverlay(tag)) {
                item.remove(tag);
            } else if (Tag.isPrivate(tag)) {
                if (options.retainPrivate()) {
                    walkItems(item, tag);
                } else {
                    item.remove(tag);
                }
            } else {
                ProfileRule rule = table.ruleFor(tag);
                ProfileAction action = rule == null ? ProfileAction.K : rule.action(options);
                apply(item, tag, action == ProfileAction.X && EMPTIED_NOT_REMOVED.contains(tag) ? ProfileAction.Z : action);
            }
        }
    }

    /** Groups 5000-501E (curves) and 6000-601E (overlays), which the table removes in part; we remove whole. */
    private static boolean isCurveOrOverlay(int tag) {
        int group = Tag.group(tag);
        return (group & 0xFF01) == 0x5000 || (group & 0xFF01) == 0x6000;
    }

    private void apply(Attributes item, int tag, ProfileAction action) {
        VR vr = item.vrOf(tag);
        switch (action) {
            case X -> item.remove(tag);
            case Z -> empty(item, tag, vr);
            case D -> dummy(item, tag, vr);
            case K -> walkItems(item, tag);
            case C -> clean(item, tag, vr);
            case U -> replaceUids(item, tag, vr);
        }
    }

    private void walkItems(Attributes item, int tag) {
        Sequence seq = item.getSequence(tag);
        if (seq != null) {
            for (Attributes nested : seq) {
                walk(nested);
            }
        }
    }

    private static void empty(Attributes item, int tag, VR vr) {
        if (vr == VR.SQ) {
            item.newSequence(tag);
        } else {
            item.setValue(tag, vr, new byte[0]);
        }
    }

    private void dummy(Attributes item, int tag, VR vr) {
        switch (vr) {
            case SQ -> walkItems(item, tag); // a sequence's dummy is itself, de-identified
            case UI -> replaceUids(item, tag, vr);
            case PN, AE -> item.setString(tag, vr, DUMMY_NAME);
            case DA -> item.setString(tag, vr, "19000101");
            case TM -> item.setString(tag, vr, "000000");
            case DT -> item.setString(tag, vr, "19000101000000");
            case AS -> item.setString(tag, vr, "000Y");
            case IS, DS -> item.setString(tag, vr, "0");
            case US, SS, UL, SL, UV, SV, AT -> item.setInt(tag, vr, 0);
            case FL, FD -> item.setDouble(tag, vr, 0);
            case OB, OW, OD, OF, OL, OV, UN -> item.setValue(tag, vr, new byte[2]);
            default -> item.setString(tag, vr, DUMMY_TEXT);
        }
    }

    private void replaceUids(Attributes item, int tag, VR vr) {
        if (vr == VR.SQ) {
            walkItems(item, tag); // X/Z/U*: the sequence stays, the UIDs in it are replaced
            return;
        }
        String[] uids = item.getStrings(tag);
        String[] mapped = new String[uids.length];
        for (int i = 0; i < uids.length; i++) {
            mapped[i] = mapping.uid(uids[i]);
        }
        if (mapped.length == 0) {
            item.setValue(tag, VR.UI, new byte[0]);
        } else {
            item.setString(tag, VR.UI, mapped);
        }
    }

    private void clean(Attributes item, int tag, VR vr) {
        switch (vr) {
            case SQ -> walkItems(item, tag);
            case DA -> item.setString(tag, vr, shift(item.getStrings(tag), false));
            case DT -> item.setString(tag, vr, shift(item.getStrings(tag), true));
            case TM -> { } // Modified Dates moves the day, not the time of day
            case LO, SH, LT, ST, UT, UC, PN -> item.setString(tag, vr, cleanText(item.getStrings(tag)));
            default -> dummy(item, tag, vr);
        }
    }

    /** Each date moved by the patient's offset; a value that is not a full date is dropped. */
    private String[] shift(String[] values, boolean dateTime) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v.length() < 8) {
                continue;
            }
            try {
                String day = LocalDate.parse(v.substring(0, 8), DA).plusDays(dateOffsetDays).format(DA);
                out.add(dateTime ? day + v.substring(8) : day);
            } catch (DateTimeParseException e) {
                // not a date: nothing of it is kept
            }
        }
        return out.isEmpty() ? new String[] {""} : out.toArray(String[]::new);
    }

    /** Clean Descriptors: the text stays, less every word of the patient's, staff's or institution's names and ids. */
    private String[] cleanText(String[] values) {
        String[] out = new String[Math.max(values.length, 1)];
        out[0] = "";
        for (int i = 0; i < values.length; i++) {
            String s = values[i];
            for (String word : identifyingWords) {
                s = s.replaceAll("(?i)" + java.util.regex.Pattern.quote(word), "");
            }
            s = s.replaceAll("\\s{2,}", " ").strip();
            out[i] = s.isEmpty() && !values[i].isEmpty() ? DUMMY_TEXT : s;
        }
        return out;
    }

    private static final int[] IDENTIFYING = {Tag.PatientName, Tag.PatientID, Tag.OtherPatientIDs,
            Tag.OtherPatientNames, Tag.PatientBirthName, Tag.PatientMotherBirthName, Tag.AccessionNumber,
            Tag.PatientBirthDate, Tag.InstitutionName, Tag.InstitutionAddress, Tag.ReferringPhysicianName,
            Tag.PerformingPhysicianName, Tag.OperatorsName, Tag.PhysiciansOfRecord, Tag.NameOfPhysiciansReadingStudy,
            Tag.StationName, Tag.MedicalRecordLocator};

    /** The words a descriptor must not carry, from this instance's own identifying attributes. */
    private static List<String> identifyingWords(Attributes dataset) {
        Set<String> words = new LinkedHashSet<>();
        for (int tag : IDENTIFYING) {
            for (String value : dataset.getStrings(tag)) {
                if (value.strip().length() >= 3) {
                    words.add(value.strip()); // the whole value, e.g. an ID with spaces
                }
                for (String w : value.split("[\\s^=,]+")) {
                    if (w.length() >= 3) {
                        words.add(w.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        List<String> longestFirst = new ArrayList<>(words);
        longestFirst.sort((a, b) -> b.length() - a.length());
        return longestFirst;
    }
}
