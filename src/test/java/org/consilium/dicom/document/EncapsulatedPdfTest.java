package org.consilium.dicom.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.consilium.platform.document.DocumentLanguage;
import org.consilium.consult.document.OpinionPdf;
import org.consilium.consult.document.SampleOpinions;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncapsulatedPdfTest {

    static final String STUDY_UID = "1.2.826.0.1.3680043.10.1453.2.1.1";
    static final EncapsulatedPdf.StudyContext STUDY = new EncapsulatedPdf.StudyContext("ZHANG^XIUYING=张^秀英",
            "CX00012345", "changxing", LocalDate.of(1961, 5, 14), "F", STUDY_UID, "S1", "20261118", "093000",
            "A20261118001", "QIAN^JIN=钱^进", "省肿瘤医院");
    static final Instant ISSUED = Instant.parse("2026-11-20T07:30:00Z");

    static byte[] evenPdf;
    static byte[] oddPdf;

    @BeforeAll
    static void pdfs() {
        byte[] pdf = new OpinionPdf().render(SampleOpinions.lungCase(), DocumentLanguage.ZH_CN);
        byte[] longer = Arrays.copyOf(pdf, pdf.length + 1); // a PDF may end with a line feed after %%EOF
        longer[pdf.length] = '\n';
        evenPdf = pdf.length % 2 == 0 ? pdf : longer;
        oddPdf = pdf.length % 2 == 1 ? pdf : longer;
    }

    @Test
    void dciodvfyFindsNoErrors(@TempDir Path dir) throws Exception {
        for (byte[] pdf : List.of(evenPdf, oddPdf)) {
            Path file = write(dir, build(pdf));
            ExternalTools.Result r = ExternalTools.run(List.of("dciodvfy", file.toString()));
            List<String> errors = r.output().lines().filter(l -> l.startsWith("Error")).toList();
            assertEquals(List.of(), errors, r.output());
            assertTrue(r.output().contains("EncapsulatedPDF"), "dciodvfy checked the right IOD: " + r.output());
        }
    }

    @Test
    void readsBackTheExactPdfWhetherItsLengthIsOddOrEven() throws Exception {
        for (byte[] pdf : List.of(evenPdf, oddPdf)) {
            EncapsulatedPdf.Instance instance = build(pdf);
            DicomFile f = new DicomReader(DicomReader.Options.IN_MEMORY).read(new ByteArrayInputStream(instance.part10()));
            Attributes ds = f.dataset();
            byte[] stored = ds.getBytes(Tag.EncapsulatedDocument);
            assertEquals(0, stored.length % 2, "PS3.5 7.1.1: even value length");
            assertEquals(pdf.length + pdf.length % 2, stored.length);
            assertEquals(pdf.length, ds.getInt(Tag.EncapsulatedDocumentLength, -1));
            assertArrayEquals(pdf, EncapsulatedPdf.document(ds));
            assertEquals("application/pdf", ds.getString(Tag.MIMETypeOfEncapsulatedDocument));
            assertEquals(UID.EncapsulatedPDFStorage, f.fileMetaInformation().getString(Tag.MediaStorageSOPClassUID));
            assertEquals(UID.ExplicitVRLittleEndian, f.transferSyntaxUid());
        }
    }

    @Test
    void dcmtkExtractsTheSamePdf(@TempDir Path dir) throws Exception {
        Path file = write(dir, build(oddPdf));
        Path out = dir.resolve("out.pdf");
        ExternalTools.Result r = ExternalTools.run(List.of("dcm2pdf", file.toString(), out.toString()));
        assertEquals(0, r.exitCode(), r.output());
        byte[] extracted = Files.readAllBytes(out);
        // dcmtk 3.6.7 writes the whole value, pad byte included; the PDF is everything before it
        assertArrayEquals(oddPdf, Arrays.copyOf(extracted, oddPdf.length));
        assertTrue(extracted.length == oddPdf.length || extracted[oddPdf.length] == 0, "only a 00 pad follows");
    }

    @Test
    void dcmdumpShowsTheChineseNameAndTheDocumentTitleInUtf8(@TempDir Path dir) throws Exception {
        Path file = write(dir, build(evenPdf));
        ExternalTools.Result r = ExternalTools.run(List.of("dcmdump", "+U8", file.toString()));
        assertEquals(0, r.exitCode(), r.output());
        String dump = r.output();
        assertTrue(dump.contains("(0008,0005) CS [ISO_IR 192]"), dump);
        assertTrue(dump.contains("[ZHANG^XIUYING=张^秀英]"), dump);
        assertTrue(dump.contains("(0042,0010) ST [会诊意见书]"), dump);
        assertTrue(dump.contains("(0020,000d) UI [" + STUDY_UID + "]"), dump);
        assertTrue(dump.contains("(0008,0050) SH [A20261118001]"), dump);
        assertTrue(dump.contains("(0008,0023) DA [20261120]") && dump.contains("(0008,0033) TM [153000]"),
                "content date/time in Asia/Shanghai: " + dump);
        assertTrue(dump.lines().noneMatch(l -> l.startsWith("E:") || l.startsWith("W:")), dump);
    }

    @Test
    void everyCallMakesANewSeriesAndInstanceUnderTheProjectRoot() {
        EncapsulatedPdf.Instance a = build(evenPdf);
        EncapsulatedPdf.Instance b = build(evenPdf);
        assertNotEquals(a.seriesInstanceUid(), b.seriesInstanceUid());
        assertNotEquals(a.sopInstanceUid(), b.sopInstanceUid());
        assertNotEquals(a.seriesInstanceUid(), a.sopInstanceUid());
        for (String uid : List.of(a.seriesInstanceUid(), a.sopInstanceUid(), b.sopInstanceUid())) {
            assertTrue(uid.startsWith(DocumentUids.ARC + "."), uid);
            assertTrue(uid.length() <= 64 && uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*"), uid);
        }
        assertEquals(STUDY_UID, a.dataset().getString(Tag.StudyInstanceUID));
        assertEquals(a.sopInstanceUid(), a.dataset().getString(Tag.SOPInstanceUID));
    }

    @Test
    void refusesBytesThatAreNoPdf() {
        assertThrows(IllegalArgumentException.class,
                () -> new EncapsulatedPdf().build("hello".getBytes(), STUDY, 900, 1, "x", ISSUED));
    }

    private static EncapsulatedPdf.Instance build(byte[] pdf) {
        return new EncapsulatedPdf().build(pdf, STUDY, 900, 1, "会诊意见书", ISSUED);
    }

    private static Path write(Path dir, EncapsulatedPdf.Instance instance) throws Exception {
        return Files.write(dir.resolve(instance.sopInstanceUid() + ".dcm"), instance.part10());
    }
}
