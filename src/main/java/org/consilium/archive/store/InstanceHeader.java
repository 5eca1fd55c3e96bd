package org.consilium.archive.store;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.PersonName;
import org.consilium.dicom.dict.Tag;

/** What the index needs from one instance's header, read once at ingest. */
record InstanceHeader(
        Attributes dataset, String transferSyntax,
        String patientId, String issuer, PersonName patientName, String birthDate, String sex,
        String studyUid, String studyDate, String studyTime, String accessionNumber, String studyId,
        String studyDescription, String referringPhysician,
        String seriesUid, String modality, Integer seriesNumber, String seriesDescription, String bodyPart,
        String sopClassUid, String sopInstanceUid, Integer instanceNumber, Integer frames, Integer rows,
        Integer columns, Long pixelDataOffset, Long pixelDataLength) {

    /** Fails with the missing attribute's keyword when the instance cannot be indexed. */
    static InstanceHeader of(Attributes ds, String transferSyntax) throws IngestException {
        Object pixels = ds.getValue(Tag.PixelData);
        Long offset = pixels instanceof BulkData b ? b.offset() : null;
        Long length = pixels instanceof BulkData b ? b.length() : pixels != null ? -1L : null;
        return new InstanceHeader(ds, transferSyntax,
                ds.getString(Tag.PatientID, ""), ds.getString(Tag.IssuerOfPatientID, ""),
                ds.getPersonName(Tag.PatientName), ds.getString(Tag.PatientBirthDate), ds.getString(Tag.PatientSex),
                required(ds, Tag.StudyInstanceUID, "StudyInstanceUID"), ds.getString(Tag.StudyDate),
                ds.getString(Tag.StudyTime), ds.getString(Tag.AccessionNumber), ds.getString(Tag.StudyID),
                ds.getString(Tag.StudyDescription), name(ds.getPersonName(Tag.ReferringPhysicianName)),
                required(ds, Tag.SeriesInstanceUID, "SeriesInstanceUID"), ds.getString(Tag.Modality),
                integer(ds, Tag.SeriesNumber), ds.getString(Tag.SeriesDescription), ds.getString(Tag.BodyPartExamined),
                required(ds, Tag.SOPClassUID, "SOPClassUID"), required(ds, Tag.SOPInstanceUID, "SOPInstanceUID"),
                integer(ds, Tag.InstanceNumber), integer(ds, Tag.NumberOfFrames), integer(ds, Tag.Rows),
                integer(ds, Tag.Columns), offset, length);
    }

    private static String required(Attributes ds, int tag, String keyword) throws IngestException {
        String v = ds.getString(tag);
        if (v == null || v.isBlank()) {
            throw new IngestException(IngestException.Reason.MISSING_ATTRIBUTE, keyword + " is missing");
        }
        if (v.length() > 64 || !digitsAndDots(v)) {
            throw new IngestException(IngestException.Reason.INVALID_ATTRIBUTE, keyword + " is not a valid UID: " + v);
        }
        return v;
    }

    private static boolean digitsAndDots(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static Integer integer(Attributes ds, int tag) {
        int v = ds.getInt(tag, Integer.MIN_VALUE);
        return v == Integer.MIN_VALUE ? null : v;
    }

    private static String name(PersonName pn) {
        return pn == null ? null : pn.toString();
    }
}
