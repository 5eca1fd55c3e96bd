package org.consilium.archive.store;

import java.util.List;
import java.util.Locale;
import org.consilium.archive.IngestException;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.PersonName;
import org.consilium.dicom.dict.Tag;

/**
 * What the index needs from one instance's header, read once at ingest through {@link IndexValues}: every
 * value is fit for its column (V2__archive.sql), and {@link #coercions()} says which ones were changed.
 */
record InstanceHeader(
        Attributes dataset, String transferSyntax,
        String patientId, String issuer, String nameAlphabetic, String nameIdeographic, String namePhonetic,
        String nameSearch, String birthDate, String sex,
        String studyUid, String studyDate, String studyTime, String accessionNumber, String studyId,
        String studyDescription, String referringPhysician,
        String seriesUid, String modality, Integer seriesNumber, String seriesDescription, String bodyPart,
        String sopClassUid, String sopInstanceUid, Integer instanceNumber, Integer frames, Integer rows,
        Integer columns, Long pixelDataOffset, Long pixelDataLength, List<Coercion> coercions) {

    /** Fails with the missing attribute's keyword when the instance cannot be indexed. */
    static InstanceHeader of(Attributes ds, String transferSyntax) throws IngestException {
        IndexValues v = new IndexValues(ds);
        Object pixels = ds.getValue(Tag.PixelData);
        Long offset = pixels instanceof BulkData b ? b.offset() : null;
        Long length = pixels instanceof BulkData b ? b.length() : pixels != null ? -1L : null;
        PersonName pn = v.personName(Tag.PatientName);
        PersonName referring = v.personName(Tag.ReferringPhysicianName);
        String patientId = v.text(Tag.PatientID, 64);
        String issuer = v.text(Tag.IssuerOfPatientID, 64);
        return new InstanceHeader(ds, transferSyntax,
                patientId == null ? "" : patientId, issuer == null ? "" : issuer,
                group(v, pn == null ? null : pn.alphabetic()), group(v, pn == null ? null : pn.ideographic()),
                group(v, pn == null ? null : pn.phonetic()),
                v.fit(Tag.PatientName, pn == null ? null : pn.toString().toUpperCase(Locale.ROOT), 400),
                v.date(Tag.PatientBirthDate), v.text(Tag.PatientSex, 16),
                v.requiredUid(Tag.StudyInstanceUID, "StudyInstanceUID"), v.date(Tag.StudyDate),
                v.time(Tag.StudyTime), v.text(Tag.AccessionNumber, 64), v.text(Tag.StudyID, 16),
                v.text(Tag.StudyDescription, 200),
                v.fit(Tag.ReferringPhysicianName, referring == null ? null : referring.toString(), 200),
                v.requiredUid(Tag.SeriesInstanceUID, "SeriesInstanceUID"), v.text(Tag.Modality, 16),
                v.integer(Tag.SeriesNumber), v.text(Tag.SeriesDescription, 200), v.text(Tag.BodyPartExamined, 64),
                v.requiredUid(Tag.SOPClassUID, "SOPClassUID"), v.requiredUid(Tag.SOPInstanceUID, "SOPInstanceUID"),
                v.integer(Tag.InstanceNumber), v.integer(Tag.NumberOfFrames), v.integer(Tag.Rows),
                v.integer(Tag.Columns), offset, length, v.coercions());
    }

    /** The patient's name as the index's name columns hold it (each group at most 200 characters). */
    private static String group(IndexValues v, PersonName.Group g) {
        return g == null || g.isEmpty() ? null : v.fit(Tag.PatientName, g.toString(), 200);
    }
}
