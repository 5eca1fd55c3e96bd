package org.consilium.dicom.samples;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Patient and General Study attributes shared by every object of one sample study, and the fixed date and
 * time that stand in for "now" so that the output never depends on the clock.
 *
 * @param charset Specific Character Set, or null for the default repertoire
 */
public record SampleStudy(String charset, String patientName, String patientId, String birthDate, String sex,
                   String studyInstanceUid, String studyId, String description, String date, String time,
                   String frameOfReferenceUid) {

    /** Writes the Patient, General Study and SOP Common date attributes (sorted by tag by the model). */
    void writeInto(Attributes ds) {
        if (charset != null) {
            ds.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        }
        ds.setString(Tag.InstanceCreationDate, VR.DA, date);
        ds.setString(Tag.InstanceCreationTime, VR.TM, time);
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, time);
        ds.setString(Tag.AccessionNumber, VR.SH);
        ds.setString(Tag.ReferringPhysicianName, VR.PN);
        ds.setString(Tag.StudyDescription, VR.LO, description);
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.PatientBirthDate, VR.DA, birthDate);
        ds.setString(Tag.PatientSex, VR.CS, sex);
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid);
        ds.setString(Tag.StudyID, VR.SH, studyId);
    }

    /** Series-level attributes common to every object: series identity, equipment and timing. */
    void writeSeries(Attributes ds, String modality, String seriesUid, int seriesNumber, String description) {
        ds.setString(Tag.SeriesDate, VR.DA, date);
        ds.setString(Tag.SeriesTime, VR.TM, time);
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.setString(Tag.Manufacturer, VR.LO, SampleGenerator.MANUFACTURER);
        ds.setString(Tag.SeriesDescription, VR.LO, description);
        ds.setString(Tag.ManufacturerModelName, VR.LO, SampleGenerator.MODEL);
        ds.setString(Tag.SoftwareVersions, VR.LO, SampleGenerator.VERSION);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setInt(Tag.SeriesNumber, VR.IS, seriesNumber);
    }

    /**
     * A new instance of this study with Patient, General Study, series, equipment and Frame of Reference
     * attributes, SOP Class and Instance UIDs and Instance Number 1 (set another after if needed).
     */
    Attributes newInstance(String sopClassUid, String sopInstanceUid, String modality, String seriesUid,
                           int seriesNumber, String description) {
        Attributes ds = new Attributes(64);
        writeInto(ds);
        writeSeries(ds, modality, seriesUid, seriesNumber, description);
        writeFrameOfReference(ds);
        ds.setString(Tag.SOPClassUID, VR.UI, sopClassUid);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        ds.setInt(Tag.InstanceNumber, VR.IS, 1);
        return ds;
    }

    /** Image Pixel and Image Plane attributes of an unsigned, single-sample grid with square pixels. */
    public static void writeImagePixel(Attributes ds, int rows, int columns, double spacing, int bitsStored) {
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setDouble(Tag.PixelSpacing, VR.DS, spacing, spacing);
        ds.setInt(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, bitsStored);
        ds.setInt(Tag.HighBit, VR.US, bitsStored - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
    }

    /** Frame of Reference module. */
    void writeFrameOfReference(Attributes ds) {
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReferenceUid);
        ds.setString(Tag.PositionReferenceIndicator, VR.LO);
    }
}
