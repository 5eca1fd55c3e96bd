package org.consilium.dicom.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;

/**
 * Wraps a PDF as an Encapsulated PDF Storage instance (PS3.3 A.45.1) in the patient's existing study, with a
 * new series and SOP instance per call, names in UTF-8 (ISO_IR 192) so Chinese names survive, and the
 * Encapsulated Document padded to even length with the true length in Encapsulated Document Length
 * (0042,0015), so a reader gets back exactly the PDF it was given.
 *
 * <pre>{@code
 * EncapsulatedPdf.Instance doc = new EncapsulatedPdf().build(pdfBytes, study, 1, "会诊意见书", issuedAt);
 * ingest.storeFile(new ByteArrayInputStream(doc.part10()), source);
 * }</pre>
 */
public final class EncapsulatedPdf {

    public static final String MIME_TYPE = "application/pdf";
    public static final String MANUFACTURER = "Consilium";

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

    private final DocumentUids uids;
    private final ZoneId zone;

    /** UIDs from the system clock; dates and times in Asia/Shanghai. */
    public EncapsulatedPdf() {
        this(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    }

    public EncapsulatedPdf(Clock clock, ZoneId zone) {
        this.uids = new DocumentUids(clock);
        this.zone = zone;
    }

    /**
     * Patient and General Study attributes of the study the document joins. Type 2 attributes may be null
     * (written empty); copy them from the study as indexed so the new series matches its siblings.
     *
     * @param patientName        DICOM PN, e.g. {@code ZHANG^XIUYING=张^秀英} or {@code 张秀英}
     * @param sex                M, F or O
     * @param studyDate          yyyyMMdd of the study, or null
     * @param studyTime          HHmmss of the study, or null
     * @param referringPhysician DICOM PN, or null
     */
    public record StudyContext(String patientName, String patientId, String issuerOfPatientId,
                               LocalDate birthDate, String sex, String studyInstanceUid, String studyId,
                               String studyDate, String studyTime, String accessionNumber,
                               String referringPhysician, String institutionName) {
        public StudyContext {
            if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
                throw new IllegalArgumentException("the document joins a study: StudyInstanceUID is required");
            }
        }
    }

    /** The built instance: its new UIDs, its data set, and the Part 10 file. */
    public record Instance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
                           Attributes dataset, byte[] part10) {}

    /**
     * One Encapsulated PDF instance in a new series.
     *
     * @param title       Document Title (0042,0010), e.g. 会诊意见书 or "MDT Consult Opinion"
     * @param contentTime when the document was made (Content Date/Time, in this builder's zone)
     */
    public Instance build(byte[] pdf, StudyContext study, int seriesNumber, int instanceNumber, String title,
                          Instant contentTime) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalArgumentException("not a PDF: it must start with %PDF-");
        }
        String seriesUid = uids.next();
        String sopUid = uids.next();
        ZonedDateTime content = contentTime.atZone(zone);
        Attributes ds = new Attributes(48);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.EncapsulatedPDFStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid);
        ds.setString(Tag.InstanceCreationDate, VR.DA, DA.format(content));
        ds.setString(Tag.InstanceCreationTime, VR.TM, TM.format(content));
        ds.setString(Tag.TimezoneOffsetFromUTC, VR.SH, OFFSET.format(content));
        writeStudy(ds, study);
        writeSeries(ds, seriesUid, seriesNumber);
        writeDocument(ds, pdf, instanceNumber, title, content);
        return new Instance(study.studyInstanceUid(), seriesUid, sopUid, ds, part10(ds));
    }

    /**
     * The PDF of an Encapsulated PDF data set: the Encapsulated Document cut to Encapsulated Document Length
     * when present, else with one trailing pad byte (00 or space) removed.
     */
    public static byte[] document(Attributes ds) {
        byte[] value = ds.getBytes(Tag.EncapsulatedDocument);
        if (value == null) {
            throw new IllegalArgumentException("no Encapsulated Document (0042,0011)");
        }
        int length = ds.getInt(Tag.EncapsulatedDocumentLength, -1);
        if (length >= 0 && length <= value.length) {
            return Arrays.copyOf(value, length);
        }
        boolean padded = value.length > 0 && value.length % 2 == 0
                && (value[value.length - 1] == 0 || value[value.length - 1] == ' ');
        return padded ? Arrays.copyOf(value, value.length - 1) : value;
    }

    /** Writes the instance as a Part 10 file in Explicit VR Little Endian. */
    public static void write(Attributes ds, OutputStream out) throws IOException {
        try {
            new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode the Encapsulated PDF instance", e);
        }
    }

    private static void writeStudy(Attributes ds, StudyContext s) {
        type2(ds, Tag.StudyDate, VR.DA, s.studyDate());
        type2(ds, Tag.StudyTime, VR.TM, s.studyTime());
        type2(ds, Tag.AccessionNumber, VR.SH, s.accessionNumber());
        if (s.institutionName() != null) {
            ds.setString(Tag.InstitutionName, VR.LO, s.institutionName());
        }
        type2(ds, Tag.ReferringPhysicianName, VR.PN, s.referringPhysician());
        type2(ds, Tag.PatientName, VR.PN, s.patientName());
        type2(ds, Tag.PatientID, VR.LO, s.patientId());
        if (s.issuerOfPatientId() != null) {
            ds.setString(Tag.IssuerOfPatientID, VR.LO, s.issuerOfPatientId());
        }
        type2(ds, Tag.PatientBirthDate, VR.DA, s.birthDate() == null ? null : DA.format(s.birthDate()));
        type2(ds, Tag.PatientSex, VR.CS, s.sex());
        ds.setString(Tag.StudyInstanceUID, VR.UI, s.studyInstanceUid());
        type2(ds, Tag.StudyID, VR.SH, s.studyId());
    }

    /** Encapsulated Document Series, General Equipment and SC Equipment modules. */
    private static void writeSeries(Attributes ds, String seriesUid, int seriesNumber) {
        ds.setString(Tag.Modality, VR.CS, "DOC");
        ds.setString(Tag.ConversionType, VR.CS, "WSD"); // PS3.3 C.8.6.1: made on a workstation
        ds.setString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setInt(Tag.SeriesNumber, VR.IS, seriesNumber);
    }

    /** Encapsulated Document module (PS3.3 C.24.2). */
    private static void writeDocument(Attributes ds, byte[] pdf, int instanceNumber, String title,
                                      ZonedDateTime content) {
        ds.setString(Tag.ContentDate, VR.DA, DA.format(content));
        ds.setString(Tag.ContentTime, VR.TM, TM.format(content));
        ds.setString(Tag.AcquisitionDateTime, VR.DT, DA.format(content) + TM.format(content) + OFFSET.format(content));
        ds.setInt(Tag.InstanceNumber, VR.IS, instanceNumber);
        ds.setString(Tag.BurnedInAnnotation, VR.CS, "YES"); // the document prints the patient's name
        type2(ds, Tag.DocumentTitle, VR.ST, title);
        Attributes concept = ds.newSequence(Tag.ConceptNameCodeSequence).addItem();
        concept.setString(Tag.CodeValue, VR.SH, "11488-4");
        concept.setString(Tag.CodingSchemeDesignator, VR.SH, "LN");
        concept.setString(Tag.CodeMeaning, VR.LO, "Consult note");
        ds.setString(Tag.MIMETypeOfEncapsulatedDocument, VR.LO, MIME_TYPE);
        // PS3.5 7.1.1: values have even length; OB pads with 00, and the length says where the PDF ends
        byte[] value = pdf.length % 2 == 0 ? pdf : Arrays.copyOf(pdf, pdf.length + 1);
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, value);
        ds.setInt(Tag.EncapsulatedDocumentLength, VR.UL, pdf.length);
    }

    private static byte[] part10(Attributes ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ds.getBytes(Tag.EncapsulatedDocument).length + 2048);
        try {
            write(ds, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A Type 2 attribute: present, and empty when there is no value. */
    private static void type2(Attributes ds, int tag, VR vr, String value) {
        if (value == null || value.isEmpty()) {
            ds.setString(tag, vr);
        } else {
            ds.setString(tag, vr, value);
        }
    }
}
