package org.consilium.archive.store;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;

/** A fresh study with one CT series for index tests; instances differ by number. */
final class SyntheticSeries {

    private static final AtomicInteger RUN = new AtomicInteger();

    final String root = Implementation.ROOT_UID + ".99." + System.nanoTime() + "." + RUN.incrementAndGet();
    final String studyUid = root + ".1";
    final String seriesUid = root + ".2";

    String sopUid(int n) {
        return root + ".3." + n;
    }

    byte[] instance(int n, String patientName) throws Exception {
        return bytes(dataset(n, patientName));
    }

    Attributes dataset(int n, String patientName) {
        Attributes ds = new Attributes(24);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopUid(n));
        ds.setString(Tag.StudyDate, VR.DA, "20261122");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, "IDX-" + root.hashCode());
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        ds.setString(Tag.SeriesDescription, VR.LO, "bench series");
        ds.setInt(Tag.SeriesNumber, VR.IS, 1);
        ds.setInt(Tag.InstanceNumber, VR.IS, n);
        ds.setInt(Tag.Rows, VR.US, 2);
        ds.setInt(Tag.Columns, VR.US, 2);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[8]);
        return ds;
    }

    static byte[] bytes(Attributes ds) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
        return out.toByteArray();
    }
}
